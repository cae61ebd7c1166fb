using System.Net;
using System.Net.Http.Json;
using Dashboard.Tests.Infrastructure;

namespace Dashboard.Tests.Account;

/// <summary>GET|POST /api/v3/account: plan, the Model Improvement Program default and the retention period.</summary>
[Trait("Category", "api")]
public sealed class AccountSettingsApiTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    private const string Account = "/api/v3/account";

    [Fact]
    public async Task Get_AnswersThePlanAndTheDefaults_ForAnyKey()
    {
        var client = await factory.CreateClientForAsync("account-growth", "growth");
        var account = await (await client.GetAsync(Account)).ReadJsonAsync(expectSuccess: true);
        Assert.Equal("account-growth", (string)account["organization"]!);
        Assert.Equal("growth", (string)account["plan"]!);
        Assert.False((bool)account["mip_opt_out"]!);
        Assert.Equal(30, (int)account["retention_days"]!);
        Assert.Equal(50, (int)account["mip_discount_percent"]!);
    }

    [Fact]
    public async Task Post_ChangesTheSettings_AndTheyPersist()
    {
        var client = await factory.CreateClientForAsync("account-enterprise", "enterprise");
        var saved = await (await client.PostAsJsonAsync(Account, new { mip_opt_out = true, retention_days = 7 })).ReadJsonAsync(expectSuccess: true);
        Assert.True((bool)saved["mip_opt_out"]!);
        Assert.Equal(0, (int)saved["mip_discount_percent"]!);

        var other = await factory.CreateClientForAsync("account-enterprise", "enterprise");
        var read = await (await other.GetAsync(Account)).ReadJsonAsync(expectSuccess: true);
        Assert.True((bool)read["mip_opt_out"]!);
        Assert.Equal(7, (int)read["retention_days"]!);

        var partial = await (await client.PostAsJsonAsync(Account, new { retention_days = 90 })).ReadJsonAsync(expectSuccess: true);
        Assert.True((bool)partial["mip_opt_out"]!);
        Assert.Equal(90, (int)partial["retention_days"]!);
    }

    [Theory]
    [InlineData("{\"retention_days\":0}", "retention_days")]
    [InlineData("{\"retention_days\":366}", "retention_days")]
    [InlineData("{}", "mip_opt_out")]
    public async Task Post_RefusesInvalidValues_InTheErrorEnvelope(string body, string field)
    {
        var client = await factory.CreateClientForAsync("account-invalid", "payg");
        var response = await client.PostAsync(Account, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await response.ReadJsonAsync();
        Assert.Equal("VALIDATION_FAILED", (string)error["error_code"]!);
        Assert.Equal("Bad Request", (string)error["error"]!);
        Assert.Equal(field, (string)error["details"]!["field"]!);
        Assert.False(string.IsNullOrEmpty((string)error["message"]!));
        var unchanged = await (await client.GetAsync(Account)).ReadJsonAsync(expectSuccess: true);
        Assert.Equal(30, (int)unchanged["retention_days"]!);
    }

    [Fact]
    public async Task Post_RefusesABodyOfTheWrongType_InTheErrorEnvelope()
    {
        var client = await factory.CreateClientForAsync("account-malformed");
        var response = await client.PostAsync(Account, new StringContent("{\"mip_opt_out\":\"sometimes\"}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("VALIDATION_FAILED", (string)(await response.ReadJsonAsync())["error_code"]!);
    }

    [Fact]
    public async Task Account_NeedsAKey()
    {
        var response = await factory.CreateClient().GetAsync(Account);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("UNAUTHORIZED", (string)(await response.ReadJsonAsync())["error_code"]!);
    }

    [Fact]
    public async Task Settings_AreScopedToTheOrganization()
    {
        var first = await factory.CreateClientForAsync("account-scope-a");
        var second = await factory.CreateClientForAsync("account-scope-b");
        await (await first.PostAsJsonAsync(Account, new { mip_opt_out = true })).ReadJsonAsync(expectSuccess: true);
        var other = await (await second.GetAsync(Account)).ReadJsonAsync(expectSuccess: true);
        Assert.False((bool)other["mip_opt_out"]!);
    }
}
