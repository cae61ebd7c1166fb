namespace Dashboard.Server.Security;

/// <summary>An API key; only a SHA-256 hash of the secret is stored, the secret is shown once.</summary>
public sealed class ApiKey
{
    public int Id { get; set; }
    public int OrganizationId { get; set; }
    public Organization? Organization { get; set; }
    public required string Name { get; set; }
    /// <summary>The first characters of the key, safe to show so a user can tell keys apart.</summary>
    public required string Prefix { get; set; }
    public required string SecretHash { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}
