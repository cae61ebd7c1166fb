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

    public async Task<DomainResult> TrainAsync(string domain, string kind, string baseModel, IReadOnlyList<BenchFile> files, IReadOnlyList<string>? textData = null)
    {
        var modelId = await SphinxApiCalls.CreateModelAsync(client, $"bench {domain}", baseModel);
        foreach (var f in files) await SphinxApiCalls.UploadAsync(client, modelId, f.Type, f.WavPath, f.Transcript);
        if (textData is { Count: > 0 }) await UploadTextAsync(modelId, textData);
        var meter = new ResourceMeter();
        (await client.PostAsync($"/api/v3/custom_models/{modelId}/run", null)).EnsureSuccessStatusCode();
        JsonElement model;
        while ((model = await SphinxApiCalls.GetJsonAsync(client, $"/api/v3/custom_models/{modelId}")).GetProperty("training_status").GetInt32() is not (4 or 5))
            await Task.Delay(500);
        var resources = await meter.StopAsync();
        var log = await client.GetStringAsync($"/api/v3/custom_models/{modelId}/log?format=text");
        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, $"training-{modelId}.log"), log);
        if (model.GetProperty("training_status").GetInt32() != 4) throw new InvalidOperationException($"{domain}: training failed: {model}\n{log}");
        var evaluation = await client.GetStringAsync($"/api/v3/custom_models/{modelId}/evaluation");
        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, $"evaluation-{modelId}.json"), evaluation);
        foreach (var line in log.Split('\n').Where(l => l.Contains("Tuning", StringComparison.Ordinal) || l.Contains("Segment", StringComparison.Ordinal) || l.Contains("chose", StringComparison.Ordinal) || l.Contains("Stage", StringComparison.Ordinal)))
            Console.WriteLine($"  log: {line}");
        var metrics = model.GetProperty("training_metrics");
        double? sttBase = null, sttCustom = null;
        if (measureStt)
        {
            var test = files.Where(f => f.Type == "test").ToList();
            sttBase = await SttWerAsync(baseModel, test);
            sttCustom = await SttWerAsync($"custom_model_{modelId}", test);
        }
        return new DomainResult(domain, kind, files.Count(f => f.Type == "train"), metrics.GetProperty("training_hours").GetDouble(), files.Count(f => f.Type == "test"),
            metrics.GetProperty("base_word_error_rate").GetDouble(), metrics.GetProperty("word_error_rate").GetDouble(),
            metrics.GetProperty("accuracy_improvement").GetDouble(), resources, sttBase, sttCustom, PerRecording(evaluation));
    }

    /// <summary>The evaluation lists sentences; a recording's errors are the sum over its sentences.</summary>
    private static List<RecordingErrors> PerRecording(string evaluationJson)
    {
        static int Errors(JsonElement c) => c.GetProperty("substitutions").GetInt32() + c.GetProperty("deletions").GetInt32() + c.GetProperty("insertions").GetInt32();
        using var document = JsonDocument.Parse(evaluationJson);
        return document.RootElement.GetProperty("utterances").EnumerateArray()
            .GroupBy(u => u.GetProperty("file").GetString())
            .Select(g => new RecordingErrors(g.Sum(u => u.GetProperty("base").GetProperty("reference_words").GetInt32()),
                g.Sum(u => Errors(u.GetProperty("base"))), g.Sum(u => Errors(u.GetProperty("custom")))))
            .ToList();
    }

    private async Task UploadTextAsync(int modelId, IReadOnlyList<string> sentences)
    {
        using var form = new MultipartFormDataContent { { new StringContent("text"), "type" } };
        form.Add(new StringContent(string.Join('\n', sentences)), "text_file", "text-data.txt");
        var response = await client.PutAsync($"/api/v3/custom_models/{modelId}/data", form);
        if (!response.IsSuccessStatusCode) throw new HttpRequestException($"text data upload: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
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
