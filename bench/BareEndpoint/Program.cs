using System.Buffers;
using System.Text.Json;

// A bare ASP.NET Core endpoint: the default host, Kestrel, routing and System.Text.Json, nothing else. It answers
// the JSON document given as its first argument (the dashboard's own status answer, saved by run.sh), so the bench
// compares like with like: same bytes on the wire, no authentication, rate limit, database or cache.
// PUT /discard reads a request body (an upload) with a large buffer and throws it away: the ceiling for bench/encryption/ingest.sh.
var body = JsonSerializer.Deserialize<JsonElement>(File.ReadAllText(args[0]));
var builder = WebApplication.CreateBuilder(args[1..]);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = null);
var app = builder.Build();
app.MapGet("/api/v3/custom_models/{id:int}", (int id) => Results.Json(body));
app.MapPut("/discard", async (HttpRequest request) =>
{
    var buffer = ArrayPool<byte>.Shared.Rent(1024 * 1024);
    long total = 0;
    int read;
    while ((read = await request.Body.ReadAsync(buffer)) > 0) total += read;
    ArrayPool<byte>.Shared.Return(buffer);
    return Results.Json(new { bytes = total });
});
app.Run();
