using System.Text;

namespace Dashboard.Tests.Hardening;

/// <summary>Every route that takes JSON, walked with bodies that are not the JSON it expects.</summary>
[Trait("Category", "api")]
public sealed class JsonBadInputTests(HardeningFactory factory) : IClassFixture<HardeningFactory>
{
    public static TheoryData<string> JsonRoutes => ApiRouteTable.Keys(c => c.Body == BodyKind.Json);

    /// <summary>Bodies that are not JSON, or JSON of the wrong shape, each with a name for the failure message.</summary>
    private static IEnumerable<(string What, byte[] Body)> MalformedBodies(string valid)
    {
        var firstKey = valid[(valid.IndexOf('"') + 1)..valid.IndexOf('"', valid.IndexOf('"') + 1)];
        yield return ("cut off", Encoding.UTF8.GetBytes(valid[..(valid.Length / 2)]));
        yield return ("empty", []);
        yield return ("not JSON", "name=walker&language=en"u8.ToArray());
        yield return ("an array", "[1, 2, 3]"u8.ToArray());
        yield return ("a string", "\"hello\""u8.ToArray());
        yield return ("null", "null"u8.ToArray());
        yield return ("a field of the wrong type", Encoding.UTF8.GetBytes($"{{\"{firstKey}\": {{\"nested\": [true]}}}}"));
        yield return ("nested 10 000 deep", Encoding.UTF8.GetBytes(new string('[', 10_000) + new string(']', 10_000)));
        yield return ("invalid UTF-8 in a value", [.. Encoding.UTF8.GetBytes($"{{\"{firstKey}\":\""), 0xC3, 0x28, 0xFF, (byte)'"', (byte)'}']);
        yield return ("invalid UTF-8 in a name", [(byte)'{', (byte)'"', 0xC3, 0x28, 0xFF, (byte)'"', (byte)':', (byte)'1', (byte)'}']);
        yield return ("no fields", "{}"u8.ToArray());
        yield return ("UTF-16", Encoding.Unicode.GetBytes(valid));
        yield return ("a NUL byte", Encoding.UTF8.GetBytes(valid.Insert(1, "\0")));
        yield return ("trailing garbage", Encoding.UTF8.GetBytes(valid + "}}]garbage"));
        yield return ("a number too large", Encoding.UTF8.GetBytes($"{{\"{firstKey}\": 1e999999}}"));
    }

    [Theory]
    [MemberData(nameof(JsonRoutes))]
    public async Task MalformedJson_Gets400InTheEnvelope_AndChangesNothing(string key)
    {
        var route = ApiRouteTable.Get(key);
        var walk = await factory.WalkAsync();
        foreach (var (what, body) in MalformedBodies(route.Json!))
        {
            using var request = ApiRouteTable.Request(route, walk.Ids, walk.Valid);
            request.Content = new ByteArrayContent(body) { Headers = { ContentType = new("application/json") } };

            await walk.Owner.AssertRefusedAsync(factory, request, $"{key} with a body that is {what}");
        }
    }

    [Theory]
    [MemberData(nameof(JsonRoutes))]
    public async Task ValidJsonSentAsAnotherType_Gets415InTheEnvelope_AndChangesNothing(string key)
    {
        var route = ApiRouteTable.Get(key);
        var walk = await factory.WalkAsync();
        foreach (var type in new[] { "text/plain", "application/xml", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "garbage" })
        {
            using var request = ApiRouteTable.Request(route, walk.Ids, walk.Valid);
            request.Content = new StringContent(route.Json!, Encoding.UTF8);
            request.Content.Headers.Remove("Content-Type");
            request.Content.Headers.TryAddWithoutValidation("Content-Type", type);

            var error = await walk.Owner.AssertRefusedAsync(factory, request, $"{key} sent as {type}");

            Assert.True((string?)error["error_code"] is "UNSUPPORTED_MEDIA_TYPE" or "VALIDATION_FAILED", error.ToJsonString());
        }
    }

    [Theory]
    [InlineData("""{"name":"a\u0000b","language":"en","base_model":"legal"}""")]
    [InlineData("""{"name":"line\nbreak\u001b[31m","language":"en","base_model":"legal"}""")]
    [InlineData("""{"name":"walker","language":"en","base_model":"../../etc/passwd"}""")]
    [InlineData("""{"name":"walker","language":"../en","base_model":"legal"}""")]
    [InlineData("""{"name":"   ","language":"en","base_model":"legal"}""")]
    public async Task ModelFieldsWithControlCharactersOrPaths_Get400_AndCreateNothing(string body)
    {
        var walk = await factory.WalkAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v3/custom_models") { Content = new StringContent(body, Encoding.UTF8, "application/json") };

        var error = await walk.Owner.AssertRefusedAsync(factory, request, $"create with {body}");

        Assert.Equal("VALIDATION_FAILED", (string?)error["error_code"]);
    }

    [Fact]
    public async Task AVeryLongName_Gets400_AndCreatesNothing()
    {
        var walk = await factory.WalkAsync();
        var body = $$"""{"name":"{{new string('n', 100_000)}}","language":"en","base_model":"legal"}""";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v3/custom_models") { Content = new StringContent(body, Encoding.UTF8, "application/json") };

        var error = await walk.Owner.AssertRefusedAsync(factory, request, "create with a 100 000 character name");

        Assert.Equal("name", (string?)error["details"]!["field"]);
    }
}
