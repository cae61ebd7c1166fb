using Dashboard.Server.Errors;
using Dashboard.Server.Models;
using Dashboard.Server.Persistence;
using Dashboard.Shared.Data;
using Dashboard.Shared.Errors;
using Dashboard.Shared.Models;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Server.Data;

/// <summary>Accepts one audio + transcript pair: both valid, or nothing changes.</summary>
public sealed class DataUploadService(DashboardDbContext db, IBlobStorage storage, AudioProbe probe, ModelService models, TimeProvider clock)
{
    public async Task<UploadResponse> AcceptAsync(int organizationId, int modelId, UploadedPair pair, CancellationToken ct)
    {
        var model = await models.FindTrackedAsync(organizationId, modelId, ct);
        var type = pair.Type?.ToLowerInvariant();
        if (type is not (DataSetTypes.Train or DataSetTypes.Test))
            throw ApiErrors.Validation("type", "type must be 'train' or 'test'.");
        if (pair.Audio is null) throw ApiErrors.Validation("audio_file", "audio_file is required.");
        if (pair.Transcript is null) throw ApiErrors.Validation("transcript_file", "transcript_file is required.");

        AudioInfo audio;
        try
        {
            audio = await probe.ProbeAsync(pair.Audio.LocalPath, ct);
        }
        catch (AudioRejectedException e)
        {
            throw ApiErrors.InvalidFile(ErrorCodes.InvalidAudio, "audio_file", pair.AudioFileName, e.Message);
        }
        int words;
        try
        {
            words = await TranscriptValidator.ValidateAsync(pair.Transcript.LocalPath, ct);
        }
        catch (TranscriptRejectedException e)
        {
            throw ApiErrors.InvalidFile(ErrorCodes.InvalidTranscript, "transcript_file", pair.TranscriptFileName, e.Message);
        }

        var warnings = AudioProbe.WarningsFor(audio).Select(w => $"{pair.AudioFileName}: {w}").ToList();
        var blobId = Guid.NewGuid();
        var file = new DataFile
        {
            ModelId = model.Id, Type = type, CreatedAt = clock.GetUtcNow(),
            AudioFileName = pair.AudioFileName, AudioBlob = BlobKeys.Audio(model.Id, type, blobId),
            TranscriptFileName = pair.TranscriptFileName, TranscriptBlob = BlobKeys.Transcript(model.Id, type, blobId),
            Format = audio.Format, DurationSeconds = audio.DurationSeconds, SampleRate = audio.SampleRate,
            Channels = audio.Channels, BitRate = audio.BitRate, AudioBytes = pair.Audio.Length, TranscriptWords = words,
            Warnings = string.Join('\n', warnings),
        };
        try
        {
            await storage.CommitAsync(pair.Audio, file.AudioBlob, ct);
            await storage.CommitAsync(pair.Transcript, file.TranscriptBlob, ct);
            db.DataFiles.Add(file);
            if (model.TrainingStatus == TrainingStatus.NotRunning && await HasBothSetsAfterAsync(model.Id, type, ct))
                model.TrainingStatus = TrainingStatus.ReadyToRun;
            model.UpdatedAt = file.CreatedAt;
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch
        {
            storage.Delete(file.AudioBlob);
            storage.Delete(file.TranscriptBlob);
            throw;
        }
        return new UploadResponse(ModelMapper.ToDto(file), warnings, await models.GetAsync(organizationId, modelId, ct));
    }

    public async Task<IReadOnlyList<DataFileDto>> ListAsync(int organizationId, int modelId, CancellationToken ct)
    {
        await models.FindTrackedAsync(organizationId, modelId, ct);
        var files = await db.DataFiles.AsNoTracking().Where(f => f.ModelId == modelId).OrderBy(f => f.Id).ToListAsync(ct);
        return files.Select(ModelMapper.ToDto).ToList();
    }

    public async Task<DataFile> FindAsync(int organizationId, int modelId, int fileId, CancellationToken ct)
    {
        await models.FindTrackedAsync(organizationId, modelId, ct);
        return await db.DataFiles.AsNoTracking().FirstOrDefaultAsync(f => f.Id == fileId && f.ModelId == modelId, ct)
            ?? throw ApiErrors.NotFound("Data file", fileId);
    }

    public async Task DeleteAsync(int organizationId, int modelId, int fileId, CancellationToken ct)
    {
        var model = await models.FindTrackedAsync(organizationId, modelId, ct);
        if (model.TrainingStatus == TrainingStatus.Running)
            throw ApiErrors.Conflict(modelId, "Data cannot be removed while training runs; cancel the run first.");
        var file = await db.DataFiles.FirstOrDefaultAsync(f => f.Id == fileId && f.ModelId == modelId, ct)
            ?? throw ApiErrors.NotFound("Data file", fileId);
        db.DataFiles.Remove(file);
        if (model.TrainingStatus == TrainingStatus.ReadyToRun && !await HasBothSetsAfterRemovalAsync(modelId, file, ct))
            model.TrainingStatus = TrainingStatus.NotRunning;
        model.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        storage.Delete(file.AudioBlob);
        storage.Delete(file.TranscriptBlob);
    }

    private async Task<bool> HasBothSetsAfterAsync(int modelId, string addedType, CancellationToken ct)
    {
        var otherType = addedType == DataSetTypes.Train ? DataSetTypes.Test : DataSetTypes.Train;
        return await db.DataFiles.AnyAsync(f => f.ModelId == modelId && f.Type == otherType, ct);
    }

    private async Task<bool> HasBothSetsAfterRemovalAsync(int modelId, DataFile removed, CancellationToken ct)
    {
        var types = await db.DataFiles.Where(f => f.ModelId == modelId && f.Id != removed.Id).Select(f => f.Type).Distinct().ToListAsync(ct);
        return types.Contains(DataSetTypes.Train) && types.Contains(DataSetTypes.Test);
    }
}
