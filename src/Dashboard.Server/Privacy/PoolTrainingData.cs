using System.Text;
using Dashboard.Server.Data;
using Dashboard.Server.Storage;
using Dashboard.Server.Errors;
using Dashboard.Shared.Data;
using Dashboard.Shared.Privacy;
using Microsoft.Extensions.Options;

namespace Dashboard.Server.Privacy;

/// <summary>
/// "Add to a model's training data": the pool item's audio and its (possibly edited) transcript go through the same
/// path as an upload (probe, transcript check, commit), so the model's next run uses them.
/// </summary>
public sealed class PoolTrainingData(RetainedPool pool, IBlobStorage storage, DataUploadService uploads, IOptions<StorageOptions> options)
{
    public async Task<UploadResponse> AddToModelAsync(int organizationId, int itemId, AddToModelRequest? request, CancellationToken ct)
    {
        var item = await pool.FindAsync(organizationId, itemId, ct);
        if (request?.ModelId is not { } modelId) throw ApiErrors.Validation("model_id", "model_id is required: the custom model to add this item to.");
        if (item.AudioBlob is null) throw ApiErrors.Validation("id", $"Retained item {itemId} has no audio, so it cannot become a training pair.");
        var transcript = request.Transcript ?? await pool.ReadTranscriptAsync(item, ct);
        var maxBytes = options.Value.MaxUploadBytes;
        using var pair = new UploadedPair
        {
            Type = request.Type ?? DataSetTypes.Train,
            AudioFileName = $"mip-item-{item.Id}.{item.AudioFormat ?? "audio"}",
            TranscriptFileName = $"mip-item-{item.Id}.txt",
        };
        await using (var audio = pool.OpenAudio(item)) pair.Audio = await storage.StageAsync(audio, maxBytes, ct);
        pair.Transcript = await storage.StageAsync(new MemoryStream(Encoding.UTF8.GetBytes(transcript)), maxBytes, ct);
        return await uploads.AcceptAsync(organizationId, modelId, pair, ct);
    }
}
