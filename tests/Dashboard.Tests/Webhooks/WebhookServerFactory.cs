using Dashboard.Tests.Infrastructure;

namespace Dashboard.Tests.Webhooks;

/// <summary>A server whose outbound requests may reach 127.0.0.1 (the test's receiver), with quick retries.</summary>
public sealed class WebhookServerFactory : DashboardFactory
{
    protected override IReadOnlyDictionary<string, string?> Overrides { get; } = new Dictionary<string, string?>
    {
        ["Transcription:AllowedPrivateHosts:0"] = "127.0.0.1",
        ["Delivery:RetryBaseSeconds"] = "0.3",
        ["Delivery:MaxAttempts"] = "4",
        ["Delivery:TimeoutSeconds"] = "5",
    };
}
