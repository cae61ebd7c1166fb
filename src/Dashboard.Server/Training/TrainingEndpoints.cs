using Dashboard.Shared.Errors;
using Dashboard.Server.Errors;
using System.Security.Claims;
using System.Text;
using Dashboard.Server.Security;
using Dashboard.Shared;
using Dashboard.Shared.Models;
using Dashboard.Shared.Training;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dashboard.Server.Training;

/// <summary>POST run, POST cancel, GET log.</summary>
public static class TrainingEndpoints
{
    public static RouteGroupBuilder MapTrainingApi(this RouteGroupBuilder models)
    {
        models.MapPost("{id:int}/run", StartTraining).RequireRateLimiting(RateLimitPolicies.TrainingStart).RequireAuthorization(Roles.CanTrain)
            .CanFailWith(ErrorCodes.ModelNotReady, ErrorCodes.InsufficientData);
        models.MapPost("{id:int}/cancel", CancelTraining).RequireAuthorization(Roles.CanTrain).CanFailWith(ErrorCodes.Conflict);
        models.MapGet("{id:int}/log", GetLog).RequireRateLimiting(RateLimitPolicies.StatusCheck);
        return models;
    }

    /// <summary>Starts training: needs train and test data and the minimum training hours; answers 202 with the cost estimate.</summary>
    public static async Task<Accepted<RunResponse>> StartTraining(int id, ClaimsPrincipal user, TrainingService training, CancellationToken ct) =>
        TypedResults.Accepted(ApiRoutes.CustomModel(id), await training.StartAsync(user.OrganizationIdOf(), id, ct));

    /// <summary>Stops a running training; the model returns to status 2 and keeps serving its last good version.</summary>
    public static async Task<Ok<ModelDto>> CancelTraining(int id, ClaimsPrincipal user, TrainingService training, CancellationToken ct) =>
        TypedResults.Ok(await training.CancelAsync(user.OrganizationIdOf(), id, ct));

    /// <summary>JSON by default; ?format=text gives the whole log as a downloadable text file.</summary>
    public static async Task<Results<Ok<TrainingLogResponse>, FileContentHttpResult>> GetLog(
        int id, ClaimsPrincipal user, TrainingService training, CancellationToken ct, string? format = null)
    {
        var log = await training.LogAsync(user.OrganizationIdOf(), id, ct);
        if (format != "text") return TypedResults.Ok(log);
        return TypedResults.File(Encoding.UTF8.GetBytes(FormatAsText(log.Lines)), "text/plain; charset=utf-8", $"custom_model_{id}_training.log");
    }

    public static string FormatAsText(IEnumerable<LogLineDto> lines) =>
        string.Concat(lines.Select(l => $"{l.Timestamp:yyyy-MM-dd HH:mm:ss.fff} [{l.Level.ToUpperInvariant()}] {l.Message}\n"));
}
