namespace Dashboard.Server.Webhooks;

/// <summary>
/// A URL of an organization that receives its models' training status changes. The secret signs each request
/// (HMAC needs it in the clear, so it is stored, unlike API keys, and shown to the user only once).
/// </summary>
public sealed class Webhook
{
    public int Id { get; set; }
    public int OrganizationId { get; set; }
    public required string Url { get; set; }
    public required string Secret { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
