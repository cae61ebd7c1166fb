using Dashboard.Shared.Audit;
using Dashboard.Shared.Data;
using Dashboard.Shared.Privacy;

namespace Dashboard.Shared.Dashboard;

/// <summary>The organization's retained pool on /privacy: everyone reads it, members and admins act on it.</summary>
public interface IRetainedPoolClient
{
    Task<RetainedItemListResponse> ListAsync(int page, int perPage, CancellationToken ct);
    Task DeleteAsync(int id, CancellationToken ct);
    /// <summary>Makes the item a training pair of the model (with the transcript as edited); the model's next run uses it.</summary>
    Task<UploadResponse> AddToModelAsync(int id, AddToModelRequest request, CancellationToken ct);
}

/// <summary>Who read, downloaded, added or deleted data, for admins on /audit.</summary>
public interface IAuditClient
{
    Task<AuditListResponse> ListAsync(int page, int perPage, CancellationToken ct);
}
