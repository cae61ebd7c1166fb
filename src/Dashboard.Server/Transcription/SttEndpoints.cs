using Dashboard.Shared.Errors;
using Dashboard.Server.Errors;
using System.Security.Claims;
using Dashboard.Server.Privacy;
using Dashboard.Server.Security;
using Dashboard.Shared.Privacy;
using Dashboard.Server.Speech.Keywords;
using Dashboard.Shared.Transcription;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Dashboard.Server.Transcription;

/// <summary>
/// POST /api/v3/stt: multipart `model`, `language`, `audio_file`, optional `mip_opt_out`, and optional `keywords`
/// (form field or query, repeated or comma-separated, `word` or `word:intensifier`) boosted for this request.
/// </summary>
public static class SttEndpoints
{
    private const string Route = "/stt";

    public static RouteHandlerBuilder MapSttApi(this IEndpointRouteBuilder app) =>
        app.MapPost(Route, Transcribe).WithTags("Transcription")
            .RequireApiKey()
            .CanFailWith(ErrorCodes.ModelNotFound, ErrorCodes.ModelNotReady, ErrorCodes.InvalidAudio, ErrorCodes.PayloadTooLarge, ErrorCodes.UnsupportedMediaType)
            .DisableAntiforgery().Accepts<IFormFile>("multipart/form-data");

    /// <summary>Transcribes audio_file with a base model or custom_model_{id}; keywords are boosted for this request only.</summary>
    public static async Task<Ok<TranscriptionResponse>> Transcribe(
        HttpRequest http, ClaimsPrincipal user, TranscriptionRequestReader reader, RecognizerResolver resolver,
        TranscriptionService transcription, PoolKeeper pool, CancellationToken ct, [FromQuery(Name = "mip_opt_out")] string? mipOptOut = null,
        [FromQuery] string[]? keywords = null)
    {
        var queryOptOut = MipOptOutFlag.Parse(mipOptOut);
        using var request = await reader.ReadMultipartAsync(http, ct);
        var organizationId = user.OrganizationIdOf();
        var boost = KeywordBoost.Parse([.. keywords ?? [], .. request.Keywords], null, commaSeparated: true);
        var model = await resolver.ResolveAsync(organizationId, request.Model, request.Language, ct);
        var result = await transcription.TranscribeAsync(organizationId, model, request.Audio!, request.AudioFileName, request.MipOptOut ?? queryOptOut, boost, ct);
        await pool.KeepTranscriptionAsync(result, request.Audio!, RetainedKinds.Stt, ct);
        var recognition = result.Recognition;
        return TypedResults.Ok(new TranscriptionResponse(recognition.Transcript,
            recognition.Words.Select(w => new TranscriptionWordDto(w.Word, w.Start, w.End, w.Confidence)).ToList(),
            model.Name, recognition.DurationSeconds, model.ServedBy));
    }
}
