using Dashboard.Shared.Errors;
using Dashboard.Shared.Data;
using Dashboard.Shared.Live;
using Dashboard.Shared.Models;
using Dashboard.Shared.Privacy;
using Dashboard.Shared.Training;
using Dashboard.Shared.Transcription;

namespace Dashboard.Shared.Dashboard;

// What the dashboard's pages may ask of the server. The server implements these for the signed-in
// user's organization and role; a failure surfaces as DashboardException carrying the API's error envelope.

public interface IModelsClient
{
    Task<IReadOnlyList<ModelDto>> ListAsync(TrainingStatus? status, CancellationToken ct);
    /// <summary>The model page's data (model, data files, training monitor, versions) in one call.</summary>
    Task<ModelDetailDto> DetailAsync(int id, CancellationToken ct);
    Task<ModelDto> CreateAsync(CreateModelRequest request, CancellationToken ct);
    Task DeleteAsync(int id, CancellationToken ct);
    Task DeleteDataAsync(int id, int fileId, CancellationToken ct);
    /// <summary>How many models the plan allows (null: unlimited) and how many exist.</summary>
    Task<ModelQuotaDto> QuotaAsync(CancellationToken ct);
}

public interface ITrainingClient
{
    Task<RunResponse> StartAsync(int id, CancellationToken ct);
    Task<ModelDto> CancelAsync(int id, CancellationToken ct);
    Task<TrainingLogResponse> LogAsync(int id, CancellationToken ct);
}

/// <summary>
/// The test-set evaluation of a model's current version: per utterance with the sphinx engine, totals only with the
/// simulated one (no utterances). DashboardException 409 MODEL_NOT_READY before the first successful run.
/// </summary>
public interface IEvaluationClient
{
    Task<EvaluationResponse> GetAsync(int modelId, CancellationToken ct);
}

public interface IBillingClient
{
    Task<BillingOverviewDto> OverviewAsync(CancellationToken ct);
}

public interface IKeysClient
{
    Task<IReadOnlyList<ApiKeyDto>> ListAsync(CancellationToken ct);
    Task<CreatedApiKeyDto> CreateAsync(string name, CancellationToken ct);
    Task RevokeAsync(int id, CancellationToken ct);
}

/// <summary>The organization's users; only admins manage them, and the last admin always stays.</summary>
public interface IUsersClient
{
    Task<IReadOnlyList<OrganizationUserDto>> ListAsync(CancellationToken ct);
    Task<OrganizationUserDto> AddAsync(NewUserRequest request, CancellationToken ct);
    Task ChangeRoleAsync(string userId, string role, CancellationToken ct);
    Task RemoveAsync(string userId, CancellationToken ct);
    /// <summary>Sets a temporary password for another user and returns it, to be shown once.</summary>
    Task<string> ResetPasswordAsync(string userId, CancellationToken ct);
}

/// <summary>Plan and data-use settings: everyone reads them, admins change them.</summary>
public interface IAccountSettingsClient
{
    Task<AccountSettingsDto> GetAsync(CancellationToken ct);
    Task<AccountSettingsDto> UpdateAsync(UpdateAccountSettingsRequest request, CancellationToken ct);
}

/// <summary>The in-process stream of status and log events, limited to the user's organization.</summary>
public interface ITrainingEvents
{
    /// <summary>Events of one model; throws DashboardException (404) for a model of another organization.</summary>
    Task<IDisposable> SubscribeAsync(int modelId, Func<TrainingEvent, Task> handler, CancellationToken ct);
    /// <summary>Events of every model of the organization.</summary>
    IDisposable SubscribeToOrganization(Func<TrainingEvent, Task> handler);
}

public sealed class DashboardException(ErrorResponse error) : Exception(error.Message)
{
    public ErrorResponse Error { get; } = error;
}
