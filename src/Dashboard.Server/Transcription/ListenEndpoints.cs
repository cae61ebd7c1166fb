using System.Security.Claims;
using System.Security.Cryptography;
using Dashboard.Server.Security;
using Dashboard.Server.Speech.Keywords;
using Dashboard.Shared.Transcription;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Dashboard.Server.Transcription;

/// <summary>
/// POST /v1/listen, compatible with Deepgram's pre-recorded API: the body is the audio (any content type), the key comes
/// as `Authorization: Token KEY` (or Bearer), the query carries `model`, `mip_opt_out`, and `keywords=word:intensifier` /
/// `keyterm=phrase` (repeated keys) boosted for this request; other Deepgram query options are accepted and ignored. The answer has Deepgram's shape, so Deepgram SDKs work when pointed at this server.
/// </summary>
public static class ListenEndpoints
{
    public const string Route = "/v1/listen";

    public static RouteHandlerBuilder MapListenApi(this IEndpointRouteBuilder app) =>
        app.MapPost(Route, Listen).WithTags("Transcription")
            .RequireApiKey()
            .DisableAntiforgery();

    public static async Task<Ok<DeepgramResponse>> Listen(
        HttpRequest http, ClaimsPrincipal user, TranscriptionRequestReader reader, RecognizerResolver resolver,
        TranscriptionService transcription, TimeProvider clock, CancellationToken ct,
        [FromQuery] string? model = null, [FromQuery] string? language = null, [FromQuery(Name = "mip_opt_out")] string? mipOptOut = null,
        [FromQuery] string[]? keywords = null, [FromQuery] string[]? keyterm = null)
    {
        var organizationId = user.OrganizationIdOf();
        var optOut = TranscriptionRequestReader.ParseFlag(mipOptOut, "mip_opt_out");
        var boost = KeywordBoost.Parse(keywords, keyterm, commaSeparated: false); // Deepgram's syntax: one term per repeated key
        var resolved = await resolver.ResolveAsync(organizationId, DeepgramModelNames.ToOurs(model), language, ct); // 404/409 before the body is read
        using var audio = await reader.ReadRawAsync(http, ct);
        var result = await transcription.TranscribeAsync(organizationId, resolved, audio, "audio", optOut, boost, ct);
        return TypedResults.Ok(ToDeepgram(result, await Sha256Async(audio.LocalPath, ct), clock.GetUtcNow()));
    }

    public static DeepgramResponse ToDeepgram(TranscriptionResult result, string sha256, DateTimeOffset created)
    {
        var recognition = result.Recognition;
        var modelId = DeepgramModelNames.IdOf(result.Model.DecoderKey).ToString();
        var metadata = new DeepgramMetadata("deprecated", Guid.NewGuid().ToString(), sha256, created, recognition.DurationSeconds, 1,
            [modelId], new Dictionary<string, DeepgramModelInfo> { [modelId] = new(result.Model.Name, result.Model.DecoderKey, "pocketsphinx") });
        var words = recognition.Words.Select(w => new DeepgramWord(w.Word, w.Start, w.End, w.Confidence)).ToList();
        var alternative = new DeepgramAlternative(recognition.Transcript, recognition.Confidence, words);
        return new DeepgramResponse(metadata, new DeepgramResults([new DeepgramChannel([alternative])]));
    }

    private static async Task<string> Sha256Async(string path, CancellationToken ct)
    {
        await using var file = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(file, ct));
    }
}
