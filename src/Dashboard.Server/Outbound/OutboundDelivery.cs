namespace Dashboard.Server.Outbound;

/// <summary>
/// One POST the server owes a client (a transcription callback or a webhook event), kept until it is delivered or
/// has used all its attempts, so a restart loses none. <see cref="Reference"/> makes enqueueing idempotent (a callback's request id).
/// </summary>
public sealed class OutboundDelivery
{
    public int Id { get; set; }
    public int OrganizationId { get; set; }
    public int? WebhookId { get; set; }
    public required string Kind { get; set; }
    public string? Reference { get; set; }
    public required string Url { get; set; }
    public string Method { get; set; } = "POST";
    public required string Event { get; set; }
    public int? ModelId { get; set; }
    public required string Payload { get; set; }
    public string Status { get; set; } = DeliveryStatus.Pending;
    public int Attempts { get; set; }
    public int? LastStatusCode { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? LastAttemptAt { get; set; }
    public DateTimeOffset? NextAttemptAt { get; set; }
    public DateTimeOffset? DeliveredAt { get; set; }
}

public static class DeliveryKinds
{
    public const string Callback = "callback";
    public const string Webhook = "webhook";
}

public static class DeliveryStatus
{
    public const string Pending = "pending";
    public const string Delivered = "delivered";
    public const string Failed = "failed";
}
