using System.Text.Json.Nodes;
using Dashboard.Tests.Infrastructure;

namespace Dashboard.Tests.Hardening;

public static class Refusals
{
    /// <summary>
    /// Sends a bad request and checks the three promises: a 4xx (never a 5xx or a success), the seed's error envelope,
    /// and nothing changed in the database or in storage. Returns the envelope.
    /// </summary>
    public static async Task<JsonObject> AssertRefusedAsync(this HttpClient client, DashboardFactory factory, HttpRequestMessage request, string what)
    {
        var before = await StateSnapshot.TakeAsync(factory);
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var status = (int)response.StatusCode;
        Assert.True(status is >= 400 and < 500, $"{what}: expected a 4xx, got {status}: {body}");
        var uri = request.RequestUri!;
        var envelope = (uri.IsAbsoluteUri ? uri.AbsolutePath : uri.OriginalString).StartsWith("/v1/", StringComparison.Ordinal)
            ? DeepgramError(body, what)
            : await response.AssertErrorAsync(response.StatusCode, ErrorCodeIn(body, what));
        await WaitForStagingToEmptyAsync(factory);
        var after = await StateSnapshot.TakeAsync(factory);
        Assert.True(before == after, $"{what} changed something:\n{StateSnapshot.Difference(before, after)}");
        return envelope;
    }

    /// <summary>/v1/* answers in Deepgram's error shape, so Deepgram's SDKs show the message; read as the envelope's fields.</summary>
    private static JsonObject DeepgramError(string body, string what)
    {
        var error = JsonNode.Parse(body) as JsonObject ?? throw new Xunit.Sdk.XunitException($"{what}: not a JSON object: {body}");
        foreach (var field in new[] { "err_code", "err_msg", "request_id" })
            Assert.True(error[field] is not null, $"{what}: no {field} in {body}");
        return new JsonObject { ["error_code"] = (string?)error["err_code"], ["message"] = (string?)error["err_msg"] };
    }

    private static string ErrorCodeIn(string body, string what)
    {
        try
        {
            return (string?)JsonNode.Parse(body)?["error_code"] ?? throw new Xunit.Sdk.XunitException($"{what}: no error_code in {body}");
        }
        catch (System.Text.Json.JsonException)
        {
            throw new Xunit.Sdk.XunitException($"{what}: the body is not JSON: {body}");
        }
    }

    /// <summary>A refused upload's staged files are deleted as its request ends, which may be just after the response.</summary>
    private static async Task WaitForStagingToEmptyAsync(DashboardFactory factory)
    {
        for (var i = 0; i < 50 && factory.StagedFiles().Count > 0; i++) await Task.Delay(20);
    }
}
