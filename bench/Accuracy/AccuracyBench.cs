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
        var domains = (StringArg(args, "--domains") ?? (templateFile is null ? "licences,manpages,clinical,it,legal,clips,librivox" : "")).Split(',');
        var stt = args.Contains("--stt");
        var (trainingVoices, testVoices) = Voices(args);

        if (args.Contains("--show-text"))
        {
            foreach (var corpus in await IndependentDomainsAsync(domains, trainParagraphs, testParagraphs))
                Console.WriteLine($"## {corpus.Name}: {corpus.TestDocuments}/{corpus.TrainDocuments}/{corpus.TextDocuments} documents, {corpus.TextData.Count} text sentences\n" +
                    $"### test\n{string.Join('\n', corpus.Test)}\n### train\n{string.Join('\n', corpus.Train)}\n### text data (first 40)\n{string.Join('\n', corpus.TextData.Take(40))}");
            return 0;
        }
        await using var host = SphinxApiHost.Start(listen: true);
        var (client, _, _) = await host.NewOrganizationAsync("accuracy-bench");
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores. Long recordings: {trainParagraphs} training and {testParagraphs} test paragraphs per domain, " +
            $"training voices {string.Join(", ", trainingVoices.Select(v => v.Name))}; test voices {string.Join(", ", testVoices.Select(v => v.Name))}" +
            (testVoices == trainingVoices ? " (--same-voices: the test speakers are training speakers; test text is still from other documents)." : "."));

        var results = new List<DomainResult>();
        var runner = new DomainRun(client, host.Root, stt);
        Voice VoiceOf(int i, string type) => type == "train" ? trainingVoices[i % trainingVoices.Count] : testVoices[i % testVoices.Count];
        foreach (var corpus in await IndependentDomainsAsync(domains, trainParagraphs, testParagraphs))
        {
            Console.WriteLine($"{corpus.Name}: test passages from {corpus.TestDocuments} documents, training recordings from {corpus.TrainDocuments}, " +
                $"text data {corpus.TextData.Count} sentences from {corpus.TextDocuments} other documents.");
            var files = await runner.SynthesizeAsync(corpus.Name.Split(' ')[0], corpus.Train, corpus.Test, VoiceOf);
            results.Add(await runner.TrainAsync(corpus.Name, "independent text", corpus.BaseModel, files, corpus.TextData));
            Console.WriteLine(Format(results[^1]));
        }
        var templateDomains = new[] { ("clinical", Clinical.Templates), ("it", ItSupport.Templates), ("legal", Legal.Templates) }.Where(d => domains.Contains(d.Item1));
        if (templateFile is not null) templateDomains = templateDomains.Append(("templates", TemplateFile.Load(templateFile)));
        foreach (var (key, templates) in templateDomains)
        {
            var corpus = ParagraphCorpus.Create(templates, trainParagraphs, testParagraphs);
            var files = await runner.SynthesizeAsync(key, corpus.Train, corpus.Test, VoiceOf);
            results.Add(await runner.TrainAsync(templates.Name, "template", templates.BaseModel, files));
            Console.WriteLine(Format(results[^1]));
        }
        if (domains.Contains("clips"))
        {
            var (train, test) = CardiologyCorpus.Create(60, 12);
            var files = await runner.SynthesizeClipsAsync(train, test);
            results.Add(await runner.TrainAsync("cardiology short clips (espeak-ng)", "template", "medical", files));
            Console.WriteLine(Format(results[^1]));
        }
        Console.WriteLine();
        Console.WriteLine("95% intervals by bootstrap over test recordings. \"template\": test sentences are new fills of the training templates (flatters the custom model).");
        Console.WriteLine("| domain | text | train files (audio h) | test files (words) | base WER [95%] | custom WER [95%] | ratio custom/base [95%] | relative improvement | training s per audio hour | CPU-s per audio hour | CPU share | peak MB |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var r in results)
            Console.WriteLine($"| {r.Domain} | {r.Kind} | {r.TrainFiles} ({r.TrainAudioHours:0.00}) | {r.TestFiles} ({r.TestWords}) | {r.BaseWer:0.0}% [{r.BaseInterval}] | " +
                $"{r.CustomWer:0.0}% [{r.CustomInterval}] | {r.Ratio:0.00} [{r.RatioInterval.Low:0.00}-{r.RatioInterval.High:0.00}] | {r.AccuracyImprovement:0.0}% | {r.SecondsPerAudioHour:0} | " +
                $"{r.CpuSecondsPerAudioHour:0} | {r.Training.CpuSharePercent:0}% | {r.Training.PeakMegabytes:0} |");
        if (domains.Contains("librivox")) await LibrivoxParityAsync(client);
        return 0;
    }

    /// <summary>The independent-text domains asked for: licence/copyright texts (legal) and manual pages (technical).</summary>
    private static async Task<List<DocumentCorpus>> IndependentDomainsAsync(string[] domains, int train, int test)
    {
        var corpora = new List<DocumentCorpus>();
        if (domains.Contains("licences")) corpora.Add(DocumentCorpus.Create("licences and copyright notices", "legal", TextDocuments.Legal(), train, test));
        if (domains.Contains("manpages")) corpora.Add(DocumentCorpus.Create("manual pages", "technical", await TextDocuments.TechnicalAsync(), train, test));
        return corpora;
    }

    private static string Format(DomainResult r) =>
        $"{r.Domain}: base WER {r.BaseWer:0.00}%, custom WER {r.CustomWer:0.00}% (ratio {r.Ratio:0.00}, relative improvement {r.AccuracyImprovement:0.0}%), " +
        $"{r.TestWords} test words, custom/base [95%] {r.RatioInterval.Low:0.00}-{r.RatioInterval.High:0.00}, training {r.Training.WallSeconds:0} s for {r.TrainAudioHours * 60:0.0} min of audio = {r.SecondsPerAudioHour:0} s per audio hour " +
        $"({r.CpuSecondsPerAudioHour:0} CPU-s per audio hour; {r.Training})" +
        (r.SttCustomWer is { } c ? $"; from /api/v3/stt: base {r.SttBaseWer:0.00}%, custom {c:0.00}%" : "");

    /// <summary>The base model through /api/v3/stt against pocketsphinx_continuous on the LibriVox recordings of pocketsphinx-testdata.</summary>
    private static async Task LibrivoxParityAsync(HttpClient client)
    {
        var recordings = LibrivoxRecordings.All();
        var (api, cli) = (ErrorCounts.None, ErrorCounts.None);
        var perFile = new List<RecordingErrors>();
        foreach (var r in recordings)
        {
            var transcript = (await SphinxApiCalls.TranscribeAsync(client, "general", r.WavPath)).Transcript;
            var apiErrors = ErrorAlignment.Words(r.Reference, TranscriptNormalizer.Normalize(transcript));
            var result = await Dashboard.Server.Storage.ProcessRunner.RunAsync("pocketsphinx_continuous", ["-infile", r.WavPath, "-logfn", "/dev/null"], TimeSpan.FromMinutes(5), CancellationToken.None);
            var cliErrors = ErrorAlignment.Words(r.Reference, TranscriptNormalizer.Normalize(result.StandardOutput));
            (api, cli) = (api.Add(apiErrors), cli.Add(cliErrors));
            perFile.Add(new RecordingErrors(apiErrors.ReferenceLength, cliErrors.Errors, apiErrors.Errors));
        }
        Console.WriteLine($"Real human speech, LibriVox base parity ({recordings.Count} files, {api.ReferenceLength} words): /api/v3/stt general WER {api.RatePercent:0.0}% " +
            $"[95% {Bootstrap.Wer(perFile, e => e.CustomErrors)}], pocketsphinx_continuous {cli.RatePercent:0.0}% [95% {Bootstrap.Wer(perFile, e => e.BaseErrors)}] " +
            $"(ratio {api.RatePercent / Math.Max(0.01, cli.RatePercent):0.00}, target <= 1.0)");
    }

    /// <summary>
    /// The training voices (all, or those <c>--voices a,b</c> names) and the test voices: the held-out ones, or with
    /// <c>--same-voices</c> the training voices themselves, the case of one doctor who dictates every recording.
    /// </summary>
    private static (IReadOnlyList<Voice> Training, IReadOnlyList<Voice> Test) Voices(string[] args)
    {
        var names = StringArg(args, "--voices")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var training = names is null ? Voice.Training : names.Select(n => Voice.Training.FirstOrDefault(v => v.Name == n)
            ?? throw new ArgumentException($"--voices: no training voice {n}; there are {string.Join(", ", Voice.Training.Select(v => v.Name))}.")).ToList();
        return (training, args.Contains("--same-voices") ? training : Voice.Test);
    }

    private static int IntArg(string[] args, string name, int fallback) =>
        StringArg(args, name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

    private static string? StringArg(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
