using Dashboard.Shared.Models;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Dashboard.Tests.Infrastructure;

namespace Dashboard.Tests.Api;

/// <summary>POST/GET /custom_models and GET/POST/DELETE /custom_models/{id}, with the seed's field names.</summary>
[Trait("Category", "api")]
public sealed class ModelsApiTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    private const string Models = ApiClientExtensions.Models;

    private Task<HttpClient> NewOrganizationAsync() => factory.CreateClientForAsync("models-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task CreateModel_Returns201WithLocation_AndTheSeedsFields()
    {
        var client = await NewOrganizationAsync();

        var response = await client.PostAsJsonAsync(Models, new { name = "Medical Cardiology EN", language = "en", base_model = "medical", description = "Cardiology consultations and reports" });

        var model = await response.AssertStatusAsync(HttpStatusCode.Created);
        var id = (int)model["id"]!;
        Assert.Equal($"{Models}/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal("Medical Cardiology EN", (string?)model["name"]);
        Assert.Equal("en", (string?)model["language"]);
        Assert.Equal("medical", (string?)model["base_model"]);
        Assert.Equal("Cardiology consultations and reports", (string?)model["description"]);
        Assert.Equal(TrainingStatus.NotRunning, model.Status());
        Assert.Equal(0, (int)model["training_progress"]!);
        Assert.Null(model["training_metrics"]);
    }

    [Theory]
    [InlineData("""{"language":"en","base_model":"medical"}""", "name")]
    [InlineData("""{"name":"   ","language":"en","base_model":"medical"}""", "name")]
    [InlineData("""{"name":"x","language":"en","base_model":"astrology"}""", "base_model")]
    [InlineData("""{"name":"x","language":"tlh","base_model":"general"}""", "language")]
    public async Task CreateModel_Returns400ValidationFailed_NamingTheField(string body, string field)
    {
        var client = await NewOrganizationAsync();

        var response = await client.PostAsync(Models, new StringContent(body, Encoding.UTF8, "application/json"));

        var error = await response.AssertErrorAsync(HttpStatusCode.BadRequest, "VALIDATION_FAILED");
        Assert.Equal(field, (string?)error["details"]!["field"]);
        Assert.Equal(0, (int)(await (await client.GetAsync(Models)).ReadJsonAsync(expectSuccess: true))["total"]!);
    }

    [Theory]
    [InlineData("""{"name": "Medical", "language": "en",""", "$")]
    [InlineData("""{"name": 42, "language": "en"}""", "$.name")]
    [InlineData("not json at all", "$")]
    public async Task CreateModel_Returns400ValidationFailed_WhenTheJsonIsMalformed(string body, string path)
    {
        var client = await NewOrganizationAsync();

        var response = await client.PostAsync(Models, new StringContent(body, Encoding.UTF8, "application/json"));

        var error = await response.AssertErrorAsync(HttpStatusCode.BadRequest, "VALIDATION_FAILED");
        Assert.StartsWith("The request body is not valid JSON", (string?)error["message"], StringComparison.Ordinal);
        Assert.Equal(path, (string?)error["details"]!["path"]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    public async Task CreateModel_Returns400ValidationFailed_WhenTheBodyIsEmpty(string body)
    {
        var client = await NewOrganizationAsync();

        var response = await client.PostAsync(Models, new StringContent(body, Encoding.UTF8, "application/json"));

        var error = await response.AssertErrorAsync(HttpStatusCode.BadRequest, "VALIDATION_FAILED");
        Assert.Contains("needs a JSON body", (string?)error["message"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateModel_Returns415InTheEnvelope_WhenTheBodyIsNotJson()
    {
        var client = await NewOrganizationAsync();

        var response = await client.PostAsync(Models, new FormUrlEncodedContent([new("name", "Medical")]));

        var error = await response.AssertErrorAsync(HttpStatusCode.UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE");
        Assert.Equal("application/x-www-form-urlencoded", (string?)error["details"]!["content_type"]);
        Assert.Equal(0, (int)(await (await client.GetAsync(Models)).ReadJsonAsync(expectSuccess: true))["total"]!);
    }

    [Fact]
    public async Task GetModel_ReturnsTheModelWithStatusDataSummaryAndBillingEstimate()
    {
        var client = await NewOrganizationAsync();
        var id = await new CustomModelBuilder(client).Named("Legal EN").WithBaseModel("legal").ReadyToRun().CreateAsync();

        var model = await client.GetModelAsync(id);

        Assert.Equal(id, (int)model["id"]!);
        Assert.Equal("Legal EN", (string?)model["name"]);
        Assert.Equal("legal", (string?)model["base_model"]);
        Assert.Equal(TrainingStatus.ReadyToRun, model.Status());
        Assert.Equal(1, (int)model["data"]!["train_files"]!);
        Assert.Equal(1, (int)model["data"]!["test_files"]!);
        Assert.Equal(0m, (decimal)model["billing"]!["estimated_cost"]!);
    }

    [Fact]
    public async Task GetModel_Returns404ModelNotFound_ForAnIdThatDoesNotExist()
    {
        var client = await NewOrganizationAsync();

        var error = await (await client.GetAsync($"{Models}/999999")).AssertErrorAsync(HttpStatusCode.NotFound, "MODEL_NOT_FOUND");

        Assert.Equal(999999, (int)error["details"]!["model_id"]!);
    }

    [Fact]
    public async Task ListModels_PagesWithPagePerPageAndTotal_NewestFirst()
    {
        var client = await NewOrganizationAsync();
        var ids = new List<int>();
        for (var i = 0; i < 3; i++) ids.Add((int)(await client.CreateModelAsync($"Model {i}"))["id"]!);

        var first = await (await client.GetAsync($"{Models}?page=1&per_page=2")).ReadJsonAsync(expectSuccess: true);
        var second = await (await client.GetAsync($"{Models}?page=2&per_page=2")).ReadJsonAsync(expectSuccess: true);

        Assert.Equal(3, (int)first["total"]!);
        Assert.Equal(1, (int)first["page"]!);
        Assert.Equal(2, (int)first["per_page"]!);
        Assert.Equal([ids[2], ids[1]], first["data"]!.AsArray().Select(m => (int)m!["id"]!));
        Assert.Equal(3, (int)second["total"]!);
        Assert.Equal([ids[0]], second["data"]!.AsArray().Select(m => (int)m!["id"]!));
    }

    [Fact]
    public async Task ListModels_FiltersByTrainingStatus()
    {
        var client = await NewOrganizationAsync();
        var notRunning = (int)(await client.CreateModelAsync("No data yet"))["id"]!;
        var ready = await new CustomModelBuilder(client).ReadyToRun().CreateAsync();

        var readyOnly = await (await client.GetAsync($"{Models}?training_status={(int)TrainingStatus.ReadyToRun}")).ReadJsonAsync(expectSuccess: true);
        var notRunningOnly = await (await client.GetAsync($"{Models}?training_status={(int)TrainingStatus.NotRunning}")).ReadJsonAsync(expectSuccess: true);

        Assert.Equal([ready], readyOnly["data"]!.AsArray().Select(m => (int)m!["id"]!));
        Assert.Equal(1, (int)readyOnly["total"]!);
        Assert.Equal([notRunning], notRunningOnly["data"]!.AsArray().Select(m => (int)m!["id"]!));
    }

    [Theory]
    [InlineData("page=0", "page")]
    [InlineData("per_page=0", "per_page")]
    [InlineData("per_page=101", "per_page")]
    [InlineData("training_status=9", "training_status")]
    [InlineData("training_status=0", "training_status")]
    public async Task ListModels_Returns400ValidationFailed_ForAnOutOfRangeQuery(string query, string field)
    {
        var client = await NewOrganizationAsync();

        var error = await (await client.GetAsync($"{Models}?{query}")).AssertErrorAsync(HttpStatusCode.BadRequest, "VALIDATION_FAILED");

        Assert.Equal(field, (string?)error["details"]!["field"]);
    }

    [Theory]
    [InlineData("page=first")]
    [InlineData("training_status=running")]
    public async Task ListModels_Returns400ValidationFailed_ForANonNumericQuery(string query)
    {
        var client = await NewOrganizationAsync();

        await (await client.GetAsync($"{Models}?{query}")).AssertErrorAsync(HttpStatusCode.BadRequest, "VALIDATION_FAILED");
    }

    [Fact]
    public async Task UpdateModel_ChangesOnlyTheFieldsSent()
    {
        var client = await NewOrganizationAsync();
        var id = (int)(await client.CreateModelAsync("Original name", "technical"))["id"]!;

        var response = await client.PostAsJsonAsync($"{Models}/{id}", new { description = "Support calls" });

        var updated = await response.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal("Support calls", (string?)updated["description"]);
        var stored = await client.GetModelAsync(id);
        Assert.Equal("Original name", (string?)stored["name"]);
        Assert.Equal("technical", (string?)stored["base_model"]);
        Assert.Equal("Support calls", (string?)stored["description"]);
    }

    [Fact]
    public async Task UpdateModel_Returns400AndKeepsTheModel_WhenTheNameIsBlank()
    {
        var client = await NewOrganizationAsync();
        var id = (int)(await client.CreateModelAsync("Keep me"))["id"]!;

        await (await client.PostAsJsonAsync($"{Models}/{id}", new { name = " " })).AssertErrorAsync(HttpStatusCode.BadRequest, "VALIDATION_FAILED");

        Assert.Equal("Keep me", (string?)(await client.GetModelAsync(id))["name"]);
    }

    [Fact]
    public async Task DeleteModel_RemovesTheModelItsRowsAndItsFiles()
    {
        var client = await NewOrganizationAsync();
        var id = await new CustomModelBuilder(client).ReadyToRun().CreateAsync();
        Assert.Equal(4, factory.BlobsOf(id).Count);

        var deleted = await (await client.DeleteAsync($"{Models}/{id}")).AssertStatusAsync(HttpStatusCode.OK);

        Assert.Equal(id, (int)deleted["id"]!);
        Assert.True((bool)deleted["deleted"]!);
        await (await client.GetAsync($"{Models}/{id}")).AssertErrorAsync(HttpStatusCode.NotFound, "MODEL_NOT_FOUND");
        Assert.Empty(factory.BlobsOf(id));
        Assert.Equal(0, await factory.DataFileCountAsync(id));
    }

    [Fact]
    public async Task DeleteModel_Returns404_WhenDeletedTwice()
    {
        var client = await NewOrganizationAsync();
        var id = (int)(await client.CreateModelAsync())["id"]!;
        await (await client.DeleteAsync($"{Models}/{id}")).AssertStatusAsync(HttpStatusCode.OK);

        await (await client.DeleteAsync($"{Models}/{id}")).AssertErrorAsync(HttpStatusCode.NotFound, "MODEL_NOT_FOUND");
    }
}
