using Dashboard.Server.Storage;
using Dashboard.Server.Speech;
using Dashboard.Server.Speech.Keywords;
using Microsoft.Extensions.Options;

namespace Dashboard.Server.Transcription;

/// <summary>Warm decoders of a resolved model (with a request's keyword boost), for whole files and for live streams alike.</summary>
public sealed class ModelDecoders(DecoderPool pool, KeywordBooster booster, IBlobStorage storage, IOptions<SphinxOptions> options)
{
    public Task<Recognition> RecognizeAsync(ResolvedModel model, KeywordBoost keywords, short[] pcm, CancellationToken ct) =>
        pool.RecognizeAsync(KeywordBooster.DecoderKey(model.DecoderKey, keywords), token => LoadAsync(model, keywords, token), pcm, ct);

    /// <summary>A live-stream decoder (<see cref="SphinxOptions.LiveDecoderArguments"/>) held for the length of one stream.</summary>
    public Task<DecoderLease> RentAsync(ResolvedModel model, KeywordBoost keywords, CancellationToken ct) =>
        pool.RentAsync(RecognizerSpec.LiveKey(KeywordBooster.DecoderKey(model.DecoderKey, keywords)), token => LoadAsync(model, keywords, token, live: true), ct);

    private async Task<SphinxDecoder> LoadAsync(ResolvedModel model, KeywordBoost keywords, CancellationToken ct, bool live = false)
    {
        using var folder = storage.CreateScratchFolder(); // the decoder reads the files at load time only
        var spec = await booster.ApplyAsync(await model.LoadSpec(folder.Path, ct), keywords, folder.Path, ct);
        return new SphinxDecoder(options.Value, live ? spec.ForLiveStreams() : spec);
    }
}
