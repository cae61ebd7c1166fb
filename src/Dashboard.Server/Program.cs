using Dashboard.Client;
using Dashboard.Server.Accounts;
using Dashboard.Server.Audit;
using Dashboard.Server.Billing;
using Dashboard.Server.Cli;
using Dashboard.Server.Data;
using Dashboard.Server.Errors;
using Dashboard.Server.Hosting;
using Dashboard.Server.Live;
using Dashboard.Server.Models;
using Dashboard.Server.Persistence;
using Dashboard.Server.Privacy;
using Dashboard.Server.Security;
using Dashboard.Server.Training;
using Dashboard.Server.Transcription;
using Dashboard.Server.Versions;
using Dashboard.Server.Web;

var builder = WebApplication.CreateBuilder(ContentRoot.Options(args));
builder.ResolveStorageRoot();
if (CommandLine.IsCommand(args)) builder.Logging.ClearProviders();
builder.AddPersistence();
builder.AddApiConventions();
builder.AddStorageStartupCleanup();
builder.AddSecurity();
builder.AddAccounts();
builder.AddPrivacy();
builder.AddAudit();
builder.AddPricing();
builder.AddTraining();
builder.AddModelVersions();
builder.AddTranscription();
builder.AddLiveUpdates();
builder.AddDashboardUi();

var app = builder.Build();
if (CommandLine.IsCommand(args)) return await CommandLine.RunAsync(app, args);

app.UseExceptionHandler();
app.UseApiErrorEnvelope();
app.UseDashboardStaticFiles();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
app.UseAntiforgery();

var customModels = app.MapCustomModelsApi();
customModels.MapDataApi();
customModels.MapTrainingApi();
customModels.MapModelVersionsApi();
app.MapTranscriptionApi();
app.MapUsageApi();
app.MapAccountSettingsApi();
app.MapRetainedPoolApi();
app.MapAuditApi();
app.MapLiveUpdates();
app.MapAccountEndpoints();
app.MapSetupEndpoints();
app.MapApiDocuments();
app.MapDashboardUi<App>();

await app.RunAsync();
return 0;

public partial class Program;
