using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Dashboard.Server.Storage;
using Dashboard.Tests.Sphinx;

namespace Dashboard.Bench.Sphinx;

/// <summary>
/// Sphinx benchmarks (see README.md): /api/v3/stt on warm decoders against pocketsphinx_continuous on the same files,
/// and training wall time per hour of audio. Run in Release: dotnet run -c Release --project bench/Sphinx
/// </summary>
public static class SphinxBench
{
    public static async Task<int> Main(string[] args)
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        Directory.SetCurrentDirectory(AppContext.BaseDirectory); // where WebApplicationFactory finds its content-root manifest
        var rounds = IntArg("--rounds", 3);
        var trainSentences = IntArg("--train-sentences", 240);
        var testSentences = IntArg("--test-sentences", 20);

        await using var host = SphinxApiHost.Start(listen: true);
        var (client, _, _) = await host.NewOrganizationAsync("bench");
        var recordings = LibrivoxRecordings.All();
        var audioSeconds = recordings.Sum(r => new FileInfo(r.WavPath).Length - 44) / 32000.0;
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores. Files: {recordings.Count} LibriVox recordings, {audioSeconds:0.0} s of audio; {rounds} rounds.");

        foreach (var r in recordings) await SphinxApiCalls.TranscribeAsync(client, "general", r.WavPath); // warm the decoders
        await Task.WhenAll(recordings.Take(2).Select(r => SphinxApiCalls.TranscribeAsync(client, "general", r.WavPath)));

        var api = await TimeAsync(() => SphinxApiCalls.TranscribeAsync(client, "general", recordings[0].WavPath).ContinueWith(_ => { }), 1);
        var apiSequential = await TimeAsync(() => ForEachAsync(recordings, 1, r => SphinxApiCalls.TranscribeAsync(client, "general", r.WavPath)), rounds);
        var cliSequential = await TimeAsync(() => ForEachAsync(recordings, 1, r => CliAsync(r.WavPath)), rounds);
        var apiParallel = await TimeAsync(() => ForEachAsync(recordings, Environment.ProcessorCount, r => SphinxApiCalls.TranscribeAsync(client, "general", r.WavPath)), rounds);
        var cliParallel = await TimeAsync(() => ForEachAsync(recordings, Environment.ProcessorCount, r => CliAsync(r.WavPath)), rounds);
        Console.WriteLine($"One request (warm): {api * 1000:0} ms for {recordings[0].Id}");
        Console.WriteLine($"Sequential, per pass over the files: /api/v3/stt {apiSequential:0.00} s ({apiSequential / audioSeconds:0.000} xRT), pocketsphinx_continuous {cliSequential:0.00} s ({cliSequential / audioSeconds:0.000} xRT)");
        Console.WriteLine($"  ratio CLI time / API time = {cliSequential / apiSequential:0.00} (target >= 1.0)");
        Console.WriteLine($"{Environment.ProcessorCount} at a time, per pass: /api/v3/stt {apiParallel:0.00} s, pocketsphinx_continuous {cliParallel:0.00} s");
        Console.WriteLine($"  ratio CLI time / API time = {cliParallel / apiParallel:0.00} (target >= 1.0)");

        if (trainSentences > 0) await BenchTrainingAsync();
        return 0;
        async Task BenchTrainingAsync()
        {
            var modelId = await SphinxApiCalls.CreateModelAsync(client, "bench", "medical");
            var (train, test) = CardiologyCorpus.Create(trainSentences, testSentences, seed: 11);
            var folder = Directory.CreateDirectory(Path.Combine(host.Root, "bench-corpus")).FullName;
            var sentences = train.Select(t => ("train", t)).Concat(test.Select(t => ("test", t))).ToList();
            await ForEachAsync(Enumerable.Range(0, sentences.Count).ToList(), Environment.ProcessorCount,
                i => SpeechSynthesizer.SpeakAsync(sentences[i].Item2, i, Path.Combine(folder, $"{i:0000}.wav")));
            for (var i = 0; i < sentences.Count; i++) await SphinxApiCalls.UploadAsync(client, modelId, sentences[i].Item1, Path.Combine(folder, $"{i:0000}.wav"), sentences[i].Item2);

            var clock = Stopwatch.StartNew();
            (await client.PostAsync($"/api/v3/custom_models/{modelId}/run", null)).EnsureSuccessStatusCode();
            JsonElement model;
            while ((model = await SphinxApiCalls.GetJsonAsync(client, $"/api/v3/custom_models/{modelId}")).GetProperty("training_status").GetInt32() is not (4 or 5))
                await Task.Delay(200);
            var wall = clock.Elapsed.TotalSeconds;
            if (model.GetProperty("training_status").GetInt32() != 4) throw new InvalidOperationException($"training failed: {model}");
            var metrics = model.GetProperty("training_metrics");
            var trainHours = metrics.GetProperty("training_hours").GetDouble();
            var testSeconds = model.GetProperty("data").GetProperty("test_hours").GetDouble() * 3600;
            Console.WriteLine($"Training: {train.Count} training files ({trainHours * 3600:0} s of audio), {test.Count} test files ({testSeconds:0} s): wall time {wall:0.0} s");
            Console.WriteLine($"  = {wall / trainHours / 60:0.0} minutes per hour of training audio on {Environment.ProcessorCount} cores " +
                $"(evaluation decodes the test set twice: base and custom)");
            Console.WriteLine($"  WER base {metrics.GetProperty("base_word_error_rate").GetDouble():0.00}%, custom {metrics.GetProperty("word_error_rate").GetDouble():0.00}%, improvement {metrics.GetProperty("accuracy_improvement").GetDouble():0.00}%");
            var log = await client.GetStringAsync($"/api/v3/custom_models/{modelId}/log?format=text");
            var stages = log.Split('\n').Where(l => l.Contains("Stage: ", StringComparison.Ordinal)).Select(l => (Time: DateTime.Parse(l[..23], CultureInfo.InvariantCulture), Name: l[(l.IndexOf("Stage: ", StringComparison.Ordinal) + 7)..])).ToList();
            var end = DateTime.Parse(log.Split('\n').Last(l => l.Length > 23)[..23], CultureInfo.InvariantCulture);
            for (var i = 0; i < stages.Count; i++)
                Console.WriteLine($"    {stages[i].Name,-22} {((i + 1 < stages.Count ? stages[i + 1].Time : end) - stages[i].Time).TotalSeconds,6:0.0} s");
        }

        static async Task<double> TimeAsync(Func<Task> work, int rounds)
        {
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < rounds; i++) await work();
            return clock.Elapsed.TotalSeconds / rounds;
        }

        static Task ForEachAsync<T>(IReadOnlyList<T> items, int parallel, Func<T, Task> work) =>
            Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (item, _) => await work(item));

        static async Task CliAsync(string wav)
        {
            var result = await ProcessRunner.RunAsync("pocketsphinx_continuous", ["-infile", wav], TimeSpan.FromMinutes(5), CancellationToken.None);
            if (result.ExitCode != 0) throw new InvalidOperationException(result.StandardError);
        }

        int IntArg(string name, int fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
        }
    }
}
