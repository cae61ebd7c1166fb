using System.IO.Compression;
using System.Text;
using Dashboard.Server.Errors;
using Microsoft.Extensions.Options;
using static Dashboard.Server.Data.Archives.ArchiveEntryRules;
using Dashboard.Server.Storage;

namespace Dashboard.Server.Data.Archives;

/// <summary>
/// Opens a staged ZIP (only its central directory is read into memory), refuses hostile archives as a whole
/// (<see cref="ArchiveEntryRules"/>), pairs audio with transcripts by base name or by trans.txt, and unpacks each
/// pair to staging, never more bytes than an entry declares.
/// </summary>
public sealed class ArchiveUnpacker(IBlobStorage storage, IOptions<StorageOptions> options)
{
    public async Task<UnpackedArchive> UnpackAsync(StagedFile archive, string archiveName, CancellationToken ct)
    {
        await using var stream = new FileStream(archive.LocalPath, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
        using var zip = Open(stream, archiveName);
        CheckAll(zip.Entries, options.Value, archiveName);
        var result = new UnpackedArchive();
        try
        {
            var entries = zip.Entries.Where(e => !IsNoise(e)).ToList();
            var manifestEntry = entries.FirstOrDefault(e => IsManifest(e.FullName));
            var manifest = manifestEntry is null ? new Dictionary<string, ManifestLine>() : await ReadManifestAsync(manifestEntry, archiveName, result, ct);
            var transcripts = UniqueByBaseName(entries.Where(e => IsTranscript(e.FullName) && e != manifestEntry), "transcript", result);
            foreach (var other in entries.Where(e => !IsAudio(e.FullName) && !IsTranscript(e.FullName)))
                result.Reject(other.FullName, "is neither an audio file (MP3, WAV, FLAC, M4A, AAC, OGG) nor a .txt transcript.");
            foreach (var (key, audio) in UniqueByBaseName(entries.Where(e => IsAudio(e.FullName)), "audio file", result))
            {
                var line = ArchiveManifest.KeysOf(audio.FullName).Select(k => manifest.GetValueOrDefault(k)).FirstOrDefault(l => l is not null);
                if (line is not null)
                {
                    foreach (var k in ArchiveManifest.KeysOf(audio.FullName)) manifest.Remove(k);
                    await AddPairAsync(result, audio, archiveName, ct, manifestText: line.Transcript, transcriptName: $"{ManifestName} line {line.Number}");
                }
                else if (transcripts.Remove(key, out var transcript))
                    await AddPairAsync(result, audio, archiveName, ct, transcript: transcript);
                else
                    result.Reject(audio.FullName, $"has no transcript: add {Path.GetFileNameWithoutExtension(audio.Name)}.txt{(manifestEntry is null ? "" : $" or a line in {ManifestName}")}.");
            }
            foreach (var transcript in transcripts.Values)
                result.Reject(transcript.FullName, $"has no audio file named {Path.GetFileNameWithoutExtension(transcript.Name)} (MP3, WAV, FLAC, M4A, AAC or OGG).");
            foreach (var line in manifest.Values.Distinct().OrderBy(l => l.Number))
                result.Reject($"{ManifestName} line {line.Number}", $"names {line.File}, which is not an audio file in the archive.");
            return result;
        }
        catch
        {
            result.Dispose();
            throw;
        }
    }

    private static ZipArchive Open(Stream stream, string archiveName)
    {
        try
        {
            return new ZipArchive(stream, ZipArchiveMode.Read);
        }
        catch (InvalidDataException)
        {
            throw Refused(archiveName, "is not a ZIP archive (or it is damaged); send a .zip of audio files and transcripts.");
        }
    }

    private async Task<Dictionary<string, ManifestLine>> ReadManifestAsync(ZipArchiveEntry entry, string archiveName, UnpackedArchive result, CancellationToken ct)
    {
        using var staged = await UnpackAsync(entry, archiveName, ct);
        List<ManifestLine> lines;
        List<(int Number, string Problem)> problems;
        try
        {
            (lines, problems) = await ArchiveManifest.ReadAsync(staged.LocalPath, ct);
        }
        catch (DecoderFallbackException)
        {
            throw Refused(archiveName, $"{entry.FullName} is not UTF-8 text; save it as plain UTF-8 with one 'file<TAB>transcript' per line.");
        }
        foreach (var (number, problem) in problems) result.Reject($"{ManifestName} line {number}", problem + ".");
        var byKey = new Dictionary<string, ManifestLine>();
        foreach (var line in lines)
        {
            var key = line.File.Replace('\\', '/').ToLowerInvariant();
            if (!byKey.TryAdd(key, line)) result.Reject($"{ManifestName} line {line.Number}", $"names {line.File} again (line {byKey[key].Number}); keep one.");
        }
        return byKey;
    }

    /// <summary>Entries by lower-case base name, folders ignored; a second entry with the same name is rejected.</summary>
    private static Dictionary<string, ZipArchiveEntry> UniqueByBaseName(IEnumerable<ZipArchiveEntry> entries, string kind, UnpackedArchive result)
    {
        var byName = new Dictionary<string, ZipArchiveEntry>();
        foreach (var entry in entries.OrderBy(e => e.FullName, StringComparer.Ordinal))
        {
            var key = Path.GetFileNameWithoutExtension(entry.Name).ToLowerInvariant();
            if (!byName.TryAdd(key, entry)) result.Reject(entry.FullName, $"another {kind} is also named {Path.GetFileNameWithoutExtension(entry.Name)} ({byName[key].FullName}); keep one.");
        }
        return byName;
    }

    private async Task AddPairAsync(UnpackedArchive result, ZipArchiveEntry audio, string archiveName, CancellationToken ct,
        ZipArchiveEntry? transcript = null, string? manifestText = null, string? transcriptName = null)
    {
        StagedFile audioFile, transcriptFile;
        try
        {
            audioFile = result.Track(await UnpackAsync(audio, archiveName, ct));
            transcriptFile = result.Track(transcript is not null
                ? await UnpackAsync(transcript, archiveName, ct)
                : await storage.StageAsync(new MemoryStream(Encoding.UTF8.GetBytes(manifestText!)), TranscriptValidator.MaxBytes, ct));
        }
        catch (Exception e) when (e is InvalidDataException or NotSupportedException)
        {
            result.Reject(audio.FullName, $"could not be unpacked ({e.Message}).");
            return;
        }
        result.Pairs.Add(new ArchivePair(audio.FullName, audioFile, UploadedPair.DisplayName(audio.Name, audio.FullName),
            transcriptFile, transcript is not null ? UploadedPair.DisplayName(transcript.Name, transcript.FullName) : transcriptName!));
    }

    /// <summary>An entry that inflates past the size its header declares is a forged header: the archive is refused.</summary>
    private async Task<StagedFile> UnpackAsync(ZipArchiveEntry entry, string archiveName, CancellationToken ct)
    {
        await using var content = entry.Open();
        try
        {
            return await storage.StageAsync(content, entry.Length, ct);
        }
        catch (ApiException e) when (e.StatusCode == 413)
        {
            throw Refused(archiveName, $"{entry.FullName} unpacks to more bytes than its header declares; such archives are refused.", new() { ["entry"] = entry.FullName });
        }
    }
}
