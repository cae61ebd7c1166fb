using Dashboard.Server.Errors;
using Dashboard.Server.Models;
using Dashboard.Server.Training;
using Dashboard.Server.Persistence;
using Dashboard.Shared.Data;
using Dashboard.Shared.Models;
using Microsoft.EntityFrameworkCore;
using Dashboard.Server.Storage;

namespace Dashboard.Server.Data;

/// <summary>Accepts one audio + transcript pair or one text data file: valid, or nothing changes. Lists and removes a model's data.</summary>
public sealed class DataUploadService(DashboardDbContext db, IBlobStorage storage, UploadChecker checker, ModelService models, TimeProvider clock)
{
    public async Task<UploadResponse> AcceptAsync(int organizationId, int modelId, UploadedPair pair, CancellationToken ct)
    {
        var model = await models.FindTrackedAsync(organizationId, modelId, ct);
        var type = UploadChecker.ParseType(pair.Type, allowText: true);
        CheckedUpload upload;
        if (type == DataSetTypes.Text)
        {
            if (pair.Text is null) throw ApiErrors.Validation("text_file", "text_file is required for type 'text': plain UTF-8 sentences or paragraphs of your domain.");
            upload = await checker.CheckTextAsync(model.Id, pair.Text, pair.TextFileName, ct);
        }
        else
        {
            if (pair.Audio is null) throw ApiErrors.Validation("audio_file", "audio_file is required.");
            if (pair.Transcript is null) throw ApiErrors.Validation("transcript_file", "transcript_file is required.");
            upload = await checker.CheckPairAsync(model.Id, type, pair.Audio, pair.AudioFileName, pair.Transcript, pair.TranscriptFileName, ct);
        }
        await CommitAsync(model, [upload], ct);
        return new UploadResponse(ModelMapper.ToDto(upload.File), upload.Warnings, await models.GetAsync(organizationId, modelId, ct));
    }

    /// <summary>Stores checked uploads together: every blob and row, or (on any failure) none of them.</summary>
    public async Task CommitAsync(CustomModel model, IReadOnlyList<CheckedUpload> uploads, CancellationToken ct)
    {
        var committed = new List<string>();
        try
        {
            foreach (var (staged, key) in uploads.SelectMany(u => u.Blobs))
            {
                await storage.CommitAsync(staged, key, ct);
                committed.Add(key);
            }
            db.DataFiles.AddRange(uploads.Select(u => u.File));
            model.DataChanged([.. await DataTypesAsync(model.Id, ct), .. uploads.Select(u => u.File.Type)], clock.GetUtcNow());
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch
        {
            foreach (var key in committed) storage.Delete(key);
            throw;
        }
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
        model.DataChanged(await DataTypesAsync(modelId, ct, except: file.Id), clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        if (file.HasAudio) storage.Delete(file.AudioBlob);
        storage.Delete(file.TranscriptBlob);
    }

    /// <summary>The types of the model's stored files (but <paramref name="except"/>), one each.</summary>
    private async Task<List<string>> DataTypesAsync(int modelId, CancellationToken ct, int? except = null) =>
        await db.DataFiles.Where(f => f.ModelId == modelId && f.Id != except).Select(f => f.Type).Distinct().ToListAsync(ct);
}
