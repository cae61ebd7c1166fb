using System.Text.Json;

// A bare ASP.NET Core endpoint: the default host, Kestrel, routing and System.Text.Json, nothing else. It answers
// the JSON document given as its first argument (the dashboard's own status answer, saved by run.sh), so the bench
// compares like with like: same bytes on the wire, no authentication, rate limit, database or cache.
var body = JsonSerializer.Deserialize<JsonElement>(File.ReadAllText(args[0]));
var builder = WebApplication.CreateBuilder(args[1..]);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
var app = builder.Build();
app.MapGet("/api/v3/custom_models/{id:int}", (int id) => Results.Json(body));
app.Run();
