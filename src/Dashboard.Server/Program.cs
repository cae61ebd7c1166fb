using Dashboard.Client;
using Dashboard.Server.Billing;
using Dashboard.Server.Cli;
using Dashboard.Server.Data;
using Dashboard.Server.Errors;
using Dashboard.Server.Live;
using Dashboard.Server.Models;
using Dashboard.Server.Persistence;
using Dashboard.Server.Privacy;
using Dashboard.Server.Security;
using Dashboard.Server.Training;
using Dashboard.Server.Transcription;
using Dashboard.Server.Web;

var builder = WebApplication.CreateBuilder(args);
if (CommandLine.IsCommand(args)) builder.Logging.ClearProviders();
builder.AddPersistence();
builder.AddApiConventions();
builder.AddDataSets();
builder.AddSecurity();
builder.AddPrivacy();
builder.AddTraining();
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
app.MapTranscriptionApi();
app.MapUsageApi();
app.MapAccountSettingsApi();
app.MapLiveUpdates();
app.MapAccountEndpoints();
app.MapApiDocuments();
app.MapDashboardUi<App>();

await app.RunAsync();
return 0;

public partial class Program;
