using System.Globalization;
using Dashboard.Server.Evaluation;
using Dashboard.Server.Speech.Text;
using Dashboard.Tests.Sphinx;
using Dashboard.Tests.Sphinx.Corpora;

namespace Dashboard.Bench.Accuracy;

/// <summary>
/// Accuracy on data shaped like real uploads (see README.md): per domain, long multi-sentence recordings with one typed
/// transcript, training voices and test voices disjoint, test sentences never in training; trained through the API
/// with the sphinx engine. Also the short-clip cardiology corpus and LibriVox base parity.
/// Run in Release: dotnet run -c Release --project bench/Accuracy [-- --train 48 --test 10 --domains clinical,it,legal,clips --stt --templates file]
/// </summary>
public static class AccuracyBench
{
    public static async Task<int> Main(string[] args)
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        Directory.SetCurrentDirectory(AppContext.BaseDirectory);
        var trainParagraphs = IntArg(args, "--train", 48);
        var testParagraphs = IntArg(args, "--test", 10);
        var templateFile = StringArg(args, "--templates");
        var domains = (StringArg(args, "--domains") ?? (templateFile is null ? "clinical,it,legal,clips,librivox" : "")).Split(',');
        var stt = args.Contains("--stt");

        await using var host = SphinxApiHost.Start(listen: true);
        var (client, _, _) = await host.NewOrganizationAsync("accuracy-bench");
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores. Long recordings: {trainParagraphs} training and {testParagraphs} test paragraphs per domain, " +
            $"training voices {string.Join(", ", Voice.Training.Select(v => v.Name))}; test voices {string.Join(", ", Voice.Test.Select(v => v.Name))}.");

        var results = new List<DomainResult>();
        var runner = new DomainRun(client, host.Root, stt);
        var longRecordingDomains = new[] { ("clinical", Clinical.Templates), ("it", ItSupport.Templates), ("legal", Legal.Templates) }.Where(d => domains.Contains(d.Item1));
        if (templateFile is not null) longRecordingDomains = longRecordingDomains.Append(("templates", TemplateFile.Load(templateFile)));
        foreach (var (key, templates) in longRecordingDomains)
        {
            var corpus = ParagraphCorpus.Create(templates, trainParagraphs, testParagraphs);
            var files = await runner.SynthesizeAsync(key, corpus.Train, corpus.Test, (i, type) => (type == "train" ? Voice.Training[i % Voice.Training.Count] : Voice.Test[i % Voice.Test.Count]));
            results.Add(await runner.TrainAsync(templates.Name, templates.BaseModel, files));
            Console.WriteLine(Format(results[^1]));
        }
        if (domains.Contains("clips"))
        {
            var (train, test) = CardiologyCorpus.Create(60, 12);
            var files = await runner.SynthesizeClipsAsync(train, test);
            results.Add(await runner.TrainAsync("cardiology short clips (espeak-ng)", "medical", files));
            Console.WriteLine(Format(results[^1]));
        }
        Console.WriteLine();
        Console.WriteLine("| domain | train files (audio h) | test files | base WER | custom WER | ratio custom/base | relative improvement | training s per audio hour |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var r in results)
            Console.WriteLine($"| {r.Domain} | {r.TrainFiles} ({r.TrainAudioHours:0.00}) | {r.TestFiles} | {r.BaseWer:0.0}% | {r.CustomWer:0.0}% | {r.Ratio:0.00} | {r.AccuracyImprovement:0.0}% | {r.SecondsPerAudioHour:0} |");
        if (domains.Contains("librivox")) await LibrivoxParityAsync(client);
        return 0;
    }

    private static string Format(DomainResult r) =>
        $"{r.Domain}: base WER {r.BaseWer:0.00}%, custom WER {r.CustomWer:0.00}% (ratio {r.Ratio:0.00}, relative improvement {r.AccuracyImprovement:0.0}%), " +
        $"training {r.TrainingSeconds:0} s for {r.TrainAudioHours * 60:0.0} min of audio = {r.SecondsPerAudioHour:0} s per audio hour" +
        (r.SttCustomWer is { } c ? $"; from /api/v3/stt: base {r.SttBaseWer:0.00}%, custom {c:0.00}%" : "");

    /// <summary>The base model through /api/v3/stt against pocketsphinx_continuous on the LibriVox recordings of pocketsphinx-testdata.</summary>
    private static async Task LibrivoxParityAsync(HttpClient client)
    {
        var recordings = LibrivoxRecordings.All();
        var (api, cli) = (ErrorCounts.None, ErrorCounts.None);
        foreach (var r in recordings)
        {
            var transcript = (await SphinxApiCalls.TranscribeAsync(client, "general", r.WavPath)).Transcript;
            api = api.Add(ErrorAlignment.Words(r.Reference, TranscriptNormalizer.Normalize(transcript)));
            var result = await Dashboard.Server.Data.ProcessRunner.RunAsync("pocketsphinx_continuous", ["-infile", r.WavPath, "-logfn", "/dev/null"], TimeSpan.FromMinutes(5), CancellationToken.None);
            cli = cli.Add(ErrorAlignment.Words(r.Reference, TranscriptNormalizer.Normalize(result.StandardOutput)));
        }
        Console.WriteLine($"LibriVox base parity ({recordings.Count} files): /api/v3/stt general WER {api.RatePercent:0.0}%, pocketsphinx_continuous {cli.RatePercent:0.0}% " +
            $"(ratio {api.RatePercent / Math.Max(0.01, cli.RatePercent):0.00}, target <= 1.0)");
    }

    private static int IntArg(string[] args, string name, int fallback) =>
        StringArg(args, name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

    private static string? StringArg(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
