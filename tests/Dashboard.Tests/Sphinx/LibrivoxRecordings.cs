using Dashboard.Server.Data;
using Dashboard.Tests.Infrastructure;
using Microsoft.Extensions.Options;
using Dashboard.Server.Training.Sphinx;
using Dashboard.Server.Speech;
using Dashboard.Server.Speech.Text;

namespace Dashboard.Tests.Sphinx;

/// <summary>The real read speech of the pocketsphinx-testdata package: five LibriVox sentences with their transcription.</summary>
public static class LibrivoxRecordings
{
    public const string Folder = "/usr/share/pocketsphinx/test/data/librivox";

    public sealed record Recording(string Id, string WavPath, string Reference);

    public static IReadOnlyList<Recording> All() =>
        File.ReadAllLines(Path.Combine(Folder, "transcription"))
            .Where(l => l.Contains('('))
            .Select(l =>
            {
                var id = l[(l.LastIndexOf('(') + 1)..l.LastIndexOf(')')];
                var text = l[..l.LastIndexOf('(')].Replace("<s>", "").Replace("</s>", "");
                return new Recording(id, Path.Combine(Folder, id + ".wav"), TranscriptNormalizer.Normalize(text));
            })
            .ToList();

    public static async Task<short[]> PcmAsync(Recording recording) =>
        (await PcmAudio.ConvertAndReadAsync(new AudioProbe(Options.Create(new ToolOptions())), recording.WavPath, AudioUse.Transcription, TestTemp.Root, TimeSpan.FromSeconds(60), CancellationToken.None)).Samples;
}
