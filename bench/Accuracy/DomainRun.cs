using System.Diagnostics;
using System.Text.Json;
using Dashboard.Server.Evaluation;
using Dashboard.Server.Speech.Text;
using Dashboard.Tests.Sphinx;
using Dashboard.Tests.Sphinx.Corpora;

namespace Dashboard.Bench.Accuracy;

/// <summary>Synthesizes a domain's recordings, uploads them, trains a custom model through the API and reads its metrics.</summary>
public sealed class DomainRun(HttpClient client, string root, bool measureStt)
{
    public async Task<List<BenchFile>> SynthesizeAsync(string key, IReadOnlyList<string> train, IReadOnlyList<string> test, Func<int, string, Voice> voiceOf)
    {
        var folder = Directory.CreateDirectory(Path.Combine(root, key)).FullName;
        var items = train.Select((t, i) => ("train", i, t)).Concat(test.Select((t, i) => ("test", i, t))).ToList();
        var files = new BenchFile[items.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, items.Count), new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, async (n, _) =>
        {
            var (type, i, text) = items[n];
            var voice = voiceOf(i, type);
            var wav = Path.Combine(folder, $"{type}_{i:000}_{voice.Name}.wav");
            await voice.SpeakAsync(text, wav);
            files[n] = new BenchFile(type, wav, text, voice.Name);
        });
        return [.. files];
    }

    public async Task<List<BenchFile>> SynthesizeClipsAsync(IReadOnlyList<string> train, IReadOnlyList<string> test)
    {
        var folder = Directory.CreateDirectory(Path.Combine(root, "clips")).FullName;
        var all = train.Select(t => ("train", t)).Concat(test.Select(t => ("test", t))).ToList();
        var files = new BenchFile[all.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, all.Count), new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, async (i, _) =>
        {
            var wav = Path.Combine(folder, $"{all[i].Item1}_{i:000}.wav");
            await SpeechSynthesizer.SpeakAsync(all[i].Item2, i, wav);
            files[i] = new BenchFile(all[i].Item1, wav, all[i].Item2, SpeechSynthesizer.Speakers[i % SpeechSynthesizer.Speakers.Length].Voice);
        });
        return [.. files];
    }

    public async Task<DomainResult> TrainAsync(string domain, string baseModel, IReadOnlyList<BenchFile> files)
    {
        var modelId = await SphinxApiCalls.CreateModelAsync(client, $"bench {domain}", baseModel);
        foreach (var f in files) await SphinxApiCalls.UploadAsync(client, modelId, f.Type, f.WavPath, f.Transcript);
        var clock = Stopwatch.StartNew();
        (await client.PostAsync($"/api/v3/custom_models/{modelId}/run", null)).EnsureSuccessStatusCode();
        JsonElement model;
        while ((model = await SphinxApiCalls.GetJsonAsync(client, $"/api/v3/custom_models/{modelId}")).GetProperty("training_status").GetInt32() is not (4 or 5))
            await Task.Delay(500);
        var wall = clock.Elapsed.TotalSeconds;
        var log = await client.GetStringAsync($"/api/v3/custom_models/{modelId}/log?format=text");
        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, $"training-{modelId}.log"), log);
        if (model.GetProperty("training_status").GetInt32() == 4)
            File.WriteAllText(Path.Combine(AppContext.BaseDirectory, $"evaluation-{modelId}.json"), await client.GetStringAsync($"/api/v3/custom_models/{modelId}/evaluation"));
        if (model.GetProperty("training_status").GetInt32() != 4) throw new InvalidOperationException($"{domain}: training failed: {model}\n{log}");
        foreach (var line in log.Split('\n').Where(l => l.Contains("Tuning", StringComparison.Ordinal) || l.Contains("Segment", StringComparison.Ordinal) || l.Contains("chose", StringComparison.Ordinal)))
            Console.WriteLine($"  log: {line}");
        var metrics = model.GetProperty("training_metrics");
        double? sttBase = null, sttCustom = null;
        if (measureStt)
        {
            var test = files.Where(f => f.Type == "test").ToList();
            sttBase = await SttWerAsync(baseModel, test);
            sttCustom = await SttWerAsync($"custom_model_{modelId}", test);
        }
        return new DomainResult(domain, files.Count(f => f.Type == "train"), metrics.GetProperty("training_hours").GetDouble(), files.Count(f => f.Type == "test"),
            metrics.GetProperty("base_word_error_rate").GetDouble(), metrics.GetProperty("word_error_rate").GetDouble(),
            metrics.GetProperty("accuracy_improvement").GetDouble(), wall, sttBase, sttCustom);
    }

    private async Task<double> SttWerAsync(string model, IReadOnlyList<BenchFile> test)
    {
        var total = ErrorCounts.None;
        foreach (var f in test)
        {
            var transcript = (await SphinxApiCalls.TranscribeAsync(client, model, f.WavPath)).Transcript;
            total = total.Add(ErrorAlignment.Words(TranscriptNormalizer.Normalize(f.Transcript), TranscriptNormalizer.Normalize(transcript)));
        }
        return total.RatePercent;
    }
}
