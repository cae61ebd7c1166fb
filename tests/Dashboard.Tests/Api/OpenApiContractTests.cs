using System.Text.Json;
using Dashboard.Tests.Infrastructure;

namespace Dashboard.Tests.Api;

/// <summary>
/// /openapi/v1.json states the error contract: every API operation lists the statuses it can fail with, each with the
/// seed's envelope schema and the error codes it carries, so a generated client knows what to expect.
/// </summary>
[Trait("Category", "api")]
public sealed class OpenApiContractTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    private async Task<JsonElement> DocumentAsync()
    {
        using var client = factory.CreateClient();
        return JsonDocument.Parse(await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative))).RootElement;
    }

    [Fact]
    public async Task ErrorEnvelopeSchema_HasTheSeedsFields()
    {
        var schema = (await DocumentAsync()).GetProperty("components").GetProperty("schemas").GetProperty("ErrorResponse");
        var required = schema.GetProperty("required").EnumerateArray().Select(e => e.GetString()).ToHashSet();
        Assert.Equal(new HashSet<string?> { "error", "message", "error_code", "details" }, required);
    }

    [Fact]
    public async Task EveryApiOperation_DocumentsItsErrorsWithTheEnvelope()
    {
        var paths = (await DocumentAsync()).GetProperty("paths");
        var operations = paths.EnumerateObject().Where(p => p.Name.StartsWith("/api/", StringComparison.Ordinal))
            .SelectMany(p => p.Value.EnumerateObject().Select(o => (Route: $"{o.Name.ToUpperInvariant()} {p.Name}", Operation: o.Value))).ToList();
        Assert.NotEmpty(operations);
        foreach (var (route, operation) in operations)
        {
            var errors = operation.GetProperty("responses").EnumerateObject().Where(r => r.Name[0] is '4' or '5').ToList();
            Assert.True(errors.Count >= 2, $"{route} documents no errors");
            foreach (var error in errors)
            {
                var reference = error.Value.GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString();
                Assert.Equal("#/components/schemas/ErrorResponse", reference);
            }
        }
    }

    [Theory]
    [InlineData("/api/v3/custom_models/{id}/run", "post", "409", "MODEL_NOT_READY")]
    [InlineData("/api/v3/custom_models/{id}/run", "post", "400", "INSUFFICIENT_DATA")]
    [InlineData("/api/v3/custom_models", "post", "402", "MODEL_LIMIT_EXCEEDED")]
    [InlineData("/api/v3/custom_models/{id}", "get", "404", "MODEL_NOT_FOUND")]
    [InlineData("/api/v3/custom_models/{id}", "get", "429", "RATE_LIMITED")]
    [InlineData("/api/v3/custom_models/{id}/data", "put", "413", "PAYLOAD_TOO_LARGE")]
    [InlineData("/api/v3/custom_models/{id}/data", "put", "400", "INVALID_AUDIO")]
    [InlineData("/api/v3/usage", "get", "401", "UNAUTHORIZED")]
    public async Task Operation_NamesTheErrorCodesItCanReturn(string path, string method, string status, string code)
    {
        var response = (await DocumentAsync()).GetProperty("paths").GetProperty(path).GetProperty(method).GetProperty("responses").GetProperty(status);
        Assert.Contains(code, response.GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandlerXmlSummaries_BecomeOperationDescriptions()
    {
        var audio = (await DocumentAsync()).GetProperty("paths").GetProperty("/api/v3/custom_models/{id}/data/{fileId}/audio").GetProperty("get");
        Assert.StartsWith("The pair's audio", audio.GetProperty("description").GetString(), StringComparison.Ordinal);
    }
}
