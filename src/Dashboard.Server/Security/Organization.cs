namespace Dashboard.Server.Security;

public sealed class Organization
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string Plan { get; set; }
    /// <summary>Account-level Model Improvement Program opt-out (Enterprise admins set it).</summary>
    public bool MipOptOut { get; set; }
    public int RetentionDays { get; set; } = 30;
    public DateTimeOffset CreatedAt { get; set; }
}
