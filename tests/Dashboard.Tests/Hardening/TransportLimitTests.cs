using System.Net;
using System.Text;
using Dashboard.Server.Security;
using Dashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Hardening;

/// <summary>The hardening server on a real loopback port (Kestrel), for limits the in-memory test server does not have.</summary>
public sealed class KestrelHardeningFactory : HardeningFactory
{
    protected override IReadOnlyDictionary<string, string?> Overrides =>
        new Dictionary<string, string?>(base.Overrides) { ["urls"] = "http://127.0.0.1:0" };

    public Uri Address
    {
        get
        {
            if (!started)
            {
                UseKestrel();
                StartServer();
                started = true;
            }
            var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
        }
    }

    private bool started;

    /// <summary>An organization's key, made through the services (the in-memory server of the base class is not there).</summary>
    public async Task<string> CreateKeyAsync(string organization)
    {
        _ = Address;
        using var scope = Services.CreateScope();
        var org = await scope.ServiceProvider.GetRequiredService<OrganizationService>().GetOrCreateAsync(organization, "enterprise", CancellationToken.None);
        return (await scope.ServiceProvider.GetRequiredService<ApiKeyService>().CreateAsync(org.Id, "test", CancellationToken.None)).Secret;
    }
}

/// <summary>
/// Requests Kestrel refuses before the application sees them (huge or too many headers, a NUL in the path, an over-long
/// request line) get a 4xx and change nothing; these answers come from the web server itself, without the envelope,
/// since no application code runs. A JSON body over 1 MB is refused by the application: 413 in the envelope.
/// </summary>
[Trait("Category", "api")]
public sealed class TransportLimitTests(KestrelHardeningFactory factory) : IClassFixture<KestrelHardeningFactory>
{
    private async Task<HttpClient> OwnerAsync()
    {
        var client = new HttpClient { BaseAddress = factory.Address };
        client.DefaultRequestHeaders.Authorization = new("Bearer", await factory.CreateKeyAsync("transport"));
        return client;
    }

    public static TheoryData<string, int> Refused => new()
    {
        { "a 100 KB header", 431 },
        { "200 headers", 431 },
        { "a NUL in the path", 400 },
        { "a 20 KB request line", 414 },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task ARequestTheServerCannotAccept_Gets4xx_AndTheServerKeepsServing(string what, int status)
    {
        using var client = await OwnerAsync();
        var id = (int)(await client.CreateModelAsync("transport " + what))["id"]!;
        var before = await StateSnapshot.TakeAsync(factory);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{ApiClientExtensions.Models}/{id}");
        request.Content = new StringContent("""{"description":"changed"}""", Encoding.UTF8, "application/json");
        switch (what)
        {
            case "a 100 KB header": request.Headers.Add("X-Junk", new string('j', 100_000)); break;
            case "200 headers": for (var i = 0; i < 200; i++) request.Headers.Add($"X-Junk-{i}", "j"); break;
            case "a NUL in the path": request.RequestUri = new Uri($"{ApiClientExtensions.Models}/{id}%00", UriKind.Relative); break;
            default: request.RequestUri = new Uri($"{ApiClientExtensions.Models}/{id}?pad={new string('p', 20_000)}", UriKind.Relative); break;
        }

        var response = await client.SendAsync(request);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(before, await StateSnapshot.TakeAsync(factory));
        Assert.Equal("test model", (string?)(await client.GetModelAsync(id))["description"]);
    }

    [Fact]
    public async Task AJsonBodyOver1MB_Gets413InTheEnvelope_AndChangesNothing()
    {
        using var client = await OwnerAsync();
        var id = (int)(await client.CreateModelAsync("transport json"))["id"]!;
        var body = $$"""{"description":"{{new string('d', 2 * 1024 * 1024)}}"}""";
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{ApiClientExtensions.Models}/{id}") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        // As curl does for large bodies: the 413 comes before the body is sent, so the client is never cut off mid-write
        // (without it the server's early answer raced the client's write and the test failed now and then with a broken pipe).
        request.Headers.ExpectContinue = true;

        var error = await client.AssertRefusedAsync(factory, request, "a 2 MB JSON body");

        Assert.Equal("PAYLOAD_TOO_LARGE", (string?)error["error_code"]);
        Assert.Equal(1L, (long)error["details"]!["limit_megabytes"]!);
    }

    [Fact]
    public async Task AnUploadOverTheLimit_Gets413_BeforeTheServerReadsIt()
    {
        using var client = await OwnerAsync();
        var id = (int)(await client.CreateModelAsync("transport upload"))["id"]!;
        using var request = ApiRouteTable.Request(ApiRouteTable.Get("PUT /api/v3/custom_models/{id:int}/data"), new RouteIds(id, 0, 0),
            await Upload.ValidAsync() with { Audio = new byte[3 * 1024 * 1024] });

        var error = await client.AssertRefusedAsync(factory, request, "a 3 MB upload over Kestrel");

        Assert.Equal("PAYLOAD_TOO_LARGE", (string?)error["error_code"]);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
    }
}
