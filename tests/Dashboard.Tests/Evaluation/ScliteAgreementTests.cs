using Dashboard.Tests.Infrastructure;
using System.Diagnostics;
using Dashboard.Server.Evaluation;
using Xunit;

namespace Dashboard.Tests.Evaluation;

/// <summary>
/// Our word and character alignment against NIST's sclite (Debian sctk), the scorer the field uses, on the same
/// reference/hypothesis pairs: seeded random edits of sentences over a small vocabulary, so ties between alignments are common.
/// </summary>
[Trait("Category", "unit")]
public sealed class ScliteAgreementTests : IDisposable
{
    private const string Sclite = "/usr/lib/sctk/bin/sclite";
    private static readonly string[] Vocabulary = ["the", "a", "patient", "was", "seen", "at", "three", "fifteen", "pm", "ticket", "closed", "bp"];
    private readonly string folder = TestTemp.Folder("sclite-");

    [Fact]
    public async Task WordCounts_AgreeWithSclite_OnEveryPair()
    {
        var pairs = RandomPairs(seed: 3, count: 300);
        var sclite = await ScliteCountsAsync(pairs);
        for (var i = 0; i < pairs.Count; i++)
        {
            var ours = ErrorAlignment.Words(pairs[i].Reference, pairs[i].Hypothesis);
            Assert.True((ours.Substitutions, ours.Deletions, ours.Insertions) == sclite[i],
                $"\"{pairs[i].Reference}\" → \"{pairs[i].Hypothesis}\": ours {(ours.Substitutions, ours.Deletions, ours.Insertions)}, sclite {sclite[i]}");
        }
    }

    [Fact]
    public async Task CharacterCounts_AgreeWithSclite_WhenEachCharacterIsAToken()
    {
        var pairs = RandomPairs(seed: 4, count: 100);
        static string Characters(string text) => string.Join(' ', text.Select(c => c == ' ' ? '_' : c));
        var sclite = await ScliteCountsAsync(pairs.Select(p => (Characters(p.Reference), Characters(p.Hypothesis))).ToList());
        for (var i = 0; i < pairs.Count; i++)
        {
            var ours = ErrorAlignment.Characters(pairs[i].Reference, pairs[i].Hypothesis);
            Assert.True((ours.Substitutions, ours.Deletions, ours.Insertions) == sclite[i],
                $"\"{pairs[i].Reference}\" → \"{pairs[i].Hypothesis}\": ours {(ours.Substitutions, ours.Deletions, ours.Insertions)}, sclite {sclite[i]}");
        }
    }

    private static List<(string Reference, string Hypothesis)> RandomPairs(int seed, int count)
    {
        var random = new Random(seed);
        var pairs = new List<(string, string)>();
        for (var n = 0; n < count; n++)
        {
            var reference = Enumerable.Range(0, random.Next(1, 10)).Select(_ => Vocabulary[random.Next(Vocabulary.Length)]).ToList();
            var hypothesis = new List<string>();
            foreach (var word in reference)
            {
                var edit = random.Next(10);
                if (edit == 0) continue; // deletion
                hypothesis.Add(edit == 1 ? Vocabulary[random.Next(Vocabulary.Length)] : word);
                if (edit == 2) hypothesis.Add(Vocabulary[random.Next(Vocabulary.Length)]); // insertion
            }
            pairs.Add((string.Join(' ', reference), string.Join(' ', hypothesis)));
        }
        return pairs;
    }

    /// <summary>sclite's per-utterance (#S, #D, #I) from its "pra" report, in the order of <paramref name="pairs"/>.</summary>
    private async Task<List<(int Substitutions, int Deletions, int Insertions)>> ScliteCountsAsync(IReadOnlyList<(string Reference, string Hypothesis)> pairs)
    {
        var (reference, hypothesis) = (Path.Combine(folder, "ref.trn"), Path.Combine(folder, "hyp.trn"));
        await File.WriteAllLinesAsync(reference, pairs.Select((p, i) => $"{p.Reference} (u_{i:0000})"));
        await File.WriteAllLinesAsync(hypothesis, pairs.Select((p, i) => $"{p.Hypothesis} (u_{i:0000})"));
        var start = new ProcessStartInfo(Sclite) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "-r", reference, "trn", "-h", hypothesis, "trn", "-i", "rm", "-o", "pra", "stdout" }) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        var scores = output.Split('\n').Where(l => l.StartsWith("Scores:", StringComparison.Ordinal))
            .Select(l => l[(l.IndexOf(')') + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToArray())
            .Select(v => (v[1], v[2], v[3])).ToList();
        Assert.Equal(pairs.Count, scores.Count);
        return scores;
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
