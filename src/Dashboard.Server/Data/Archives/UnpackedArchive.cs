using Dashboard.Shared.Data;
using Dashboard.Server.Storage;

namespace Dashboard.Server.Data.Archives;

/// <summary>One audio file of an archive with its transcript, both unpacked to staging and not yet checked.</summary>
public sealed record ArchivePair(string Name, StagedFile Audio, string AudioName, StagedFile Transcript, string TranscriptName);

/// <summary>What an archive held: the pairs to check, and entries already rejected (unpaired, not audio) with the reason.</summary>
public sealed class UnpackedArchive : IDisposable
{
    private readonly List<StagedFile> staged = [];

    public List<ArchivePair> Pairs { get; } = [];
    public List<RejectedPairDto> Rejected { get; } = [];

    public StagedFile Track(StagedFile file)
    {
        staged.Add(file);
        return file;
    }

    public void Reject(string name, string reason) => Rejected.Add(new RejectedPairDto(name, reason));

    /// <summary>Deletes every staged file that was not committed (a committed one has moved away already).</summary>
    public void Dispose()
    {
        foreach (var file in staged) file.Dispose();
    }
}
