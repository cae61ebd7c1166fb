using System.Security.Cryptography;
using System.Text;

namespace Dashboard.Server.Outbound;

/// <summary>
/// How webhook requests are signed: X-Dashboard-Signature is "sha256=" + hex(HMAC-SHA256(secret, timestamp + "." + body)),
/// with the Unix timestamp in X-Dashboard-Timestamp. A receiver recomputes it over the raw body and compares in constant time.
/// </summary>
public static class WebhookSignature
{
    public const string SignatureHeader = "X-Dashboard-Signature";
    public const string TimestampHeader = "X-Dashboard-Timestamp";
    public const string EventHeader = "X-Dashboard-Event";
    public const string DeliveryHeader = "X-Dashboard-Delivery";

    public static string Sign(string secret, long timestamp, string body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}")));

    public static bool Verify(string secret, long timestamp, string body, string signature) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(secret, timestamp, body)), Encoding.ASCII.GetBytes(signature));
}
