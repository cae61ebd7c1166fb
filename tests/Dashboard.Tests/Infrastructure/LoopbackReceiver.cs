using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dashboard.Tests.Infrastructure;

/// <summary>
/// A small real HTTP server on 127.0.0.1 (a free port) standing in for a client's own server: it serves files
/// (URL sources) and records every request it receives (callbacks, webhooks), answering with the status codes
/// queued in <see cref="Answers"/> (200 once the queue is empty).
/// </summary>
public sealed class LoopbackReceiver : IAsyncDisposable
{
    public sealed record Received(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body, DateTimeOffset At);

    private readonly WebApplication app;
    private readonly Channel<Received> received = Channel.CreateUnbounded<Received>();
    private readonly ConcurrentDictionary<string, byte[]> files = new();
    private readonly ConcurrentDictionary<string, Uri> redirects = new();

    public ConcurrentQueue<int> Answers { get; } = new();

    public ConcurrentBag<Received> All { get; } = [];

    public Uri BaseAddress { get; }

    private LoopbackReceiver()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        app = builder.Build();
        app.Run(async context =>
        {
            if (redirects.TryGetValue(context.Request.Path, out var target))
            {
                Record(context, "");
                context.Response.Redirect(target.ToString());
                return;
            }
            if (HttpMethods.IsGet(context.Request.Method) && files.TryGetValue(context.Request.Path, out var file))
            {
                Record(context, "");
                context.Response.ContentType = "audio/wav";
                await context.Response.Body.WriteAsync(file);
                return;
            }
            using var reader = new StreamReader(context.Request.Body);
            Record(context, await reader.ReadToEndAsync());
            context.Response.StatusCode = Answers.TryDequeue(out var status) ? status : 200;
        });
        app.StartAsync().GetAwaiter().GetResult();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.TrimEnd('/') + "/");
    }

    public static LoopbackReceiver Start() => new();

    /// <summary>Serves <paramref name="path"/>'s bytes at <paramref name="urlPath"/>; returns the full URL.</summary>
    public Uri Serve(string urlPath, string path)
    {
        files["/" + urlPath.TrimStart('/')] = File.ReadAllBytes(path);
        return new Uri(BaseAddress, urlPath.TrimStart('/'));
    }

    /// <summary>Answers GET <paramref name="urlPath"/> with a 302 to <paramref name="target"/>; returns the full URL.</summary>
    public Uri Redirect(string urlPath, Uri target)
    {
        redirects["/" + urlPath.TrimStart('/')] = target;
        return new Uri(BaseAddress, urlPath.TrimStart('/'));
    }

    /// <summary>The next request received, waiting up to <paramref name="timeout"/>.</summary>
    public async Task<Received> NextAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        return await received.Reader.ReadAsync(cancel.Token);
    }

    private void Record(HttpContext context, string body)
    {
        var request = new Received(context.Request.Method, context.Request.Path + context.Request.QueryString,
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase), body, DateTimeOffset.UtcNow);
        All.Add(request);
        received.Writer.TryWrite(request);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
