namespace Dashboard.Shared.Audit;

/// <summary>What an audit entry records being done to data.</summary>
public static class AuditActions
{
    public const string DataRead = "data.read";
    public const string DataDownload = "data.download";
    public const string DataAdd = "data.add";
    public const string DataDelete = "data.delete";
    public const string PoolRead = "pool.read";
    public const string PoolDownload = "pool.download";
    public const string PoolAddToModel = "pool.add_to_model";
    public const string PoolDelete = "pool.delete";
    public const string ModelDelete = "model.delete";
    public const string VersionServe = "model.version_serve";
}

/// <summary>One entry of GET /api/v3/audit: who (a user or an API key) did what to which data, and when.</summary>
public sealed record AuditEntryDto(
    int Id,
    string ActorKind,
    string Actor,
    string Action,
    string Resource,
    string? Detail,
    DateTimeOffset CreatedAt);

public sealed record AuditListResponse(IReadOnlyList<AuditEntryDto> Data, int Page, int PerPage, int Total);
