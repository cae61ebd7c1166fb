using System.Net;
using System.Text.Json.Nodes;

namespace Dashboard.Tests.Infrastructure;

public static class ApiAssertions
{
    /// <summary>
    /// The seed's error envelope: exactly {"error","message","error_code","details"}, as JSON, with the
    /// expected status and machine-readable code, and the request's trace id in details. Returns the body for further checks on details.
    /// </summary>
    public static async Task<JsonObject> AssertErrorAsync(this HttpResponseMessage response, HttpStatusCode status, string errorCode)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status} {errorCode}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var json = Assert.IsType<JsonObject>(JsonNode.Parse(body));
        Assert.Equal(["details", "error", "error_code", "message"], json.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.False(string.IsNullOrWhiteSpace((string?)json["error"]), body);
        Assert.False(string.IsNullOrWhiteSpace((string?)json["message"]), body);
        Assert.Equal(errorCode, (string?)json["error_code"]);
        Assert.IsType<JsonObject>(json["details"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)json["details"]!["trace_id"]), $"no trace id: {body}");
        return json;
    }

    public static async Task<JsonNode> AssertStatusAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        return body.Length == 0 ? new JsonObject() : JsonNode.Parse(body)!;
    }
}
