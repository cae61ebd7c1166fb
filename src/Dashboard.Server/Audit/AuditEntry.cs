namespace Dashboard.Server.Audit;

/// <summary>Who (a user or an API key) read, downloaded, added or deleted which data of an organization, and when.</summary>
public sealed class AuditEntry
{
    public int Id { get; set; }
    public int OrganizationId { get; set; }
    /// <summary><see cref="AuditActorKinds"/>.</summary>
    public required string ActorKind { get; set; }
    public required string Actor { get; set; }
    public required string Action { get; set; }
    /// <summary>What was touched, e.g. "custom_model_3/data/12" or "mip_item_7".</summary>
    public required string Resource { get; set; }
    public string? Detail { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

public static class AuditActorKinds
{
    public const string User = "user";
    public const string ApiKey = "api_key";
}
