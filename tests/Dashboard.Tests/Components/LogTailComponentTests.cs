using Dashboard.Client;
using Dashboard.Client.Components;
using Dashboard.Shared.Training;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.JSInterop;

namespace Dashboard.Tests.Components;

/// <summary>The log view as the server prerenders it: a cap on the lines it keeps, times in the server's zone until the browser is asked.</summary>
[Trait("Category", "unit")]
public sealed class LogTailComponentTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 7, 18, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ALogLongerThanTheCap_KeepsTheNewestLines_AndSaysTheDownloadHasThemAll()
    {
        var lines = Enumerable.Range(1, LogTail.MaxLines + 3)
            .Select(i => new LogLineDto(Start.AddSeconds(i), LogLevels.Info, $"line {i}")).ToList();

        var html = await RenderAsync(lines);

        Assert.Contains($"{LogTail.MaxLines} of {LogTail.MaxLines + 3} lines (the last {LogTail.MaxLines}: download the log for all)", html);
    }

    [Fact]
    public async Task AShortLog_KeepsEveryLine()
    {
        var html = await RenderAsync([new LogLineDto(Start, LogLevels.Warning, "Sample rate below 16 kHz")]);

        Assert.Contains("1 of 1 lines", html);
        Assert.DoesNotContain("download the log for all", html);
    }

    private static Task<string> RenderAsync(IReadOnlyList<LogLineDto> lines) =>
        ComponentRendering.RenderAsync<LogTail>(new() { ["ModelId"] = 7, ["Lines"] = lines }, services => services
            .AddSingleton<IJSRuntime, NoBrowser>()
            .AddScoped<BrowserTimeProvider>());

    /// <summary>Static rendering runs no OnAfterRender and so calls no script; a call would be a defect.</summary>
    private sealed class NoBrowser : IJSRuntime
    {
        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, object?[]? args) =>
            throw new InvalidOperationException($"No browser while prerendering: {identifier}");

        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, CancellationToken cancellationToken, object?[]? args) =>
            InvokeAsync<TValue>(identifier, args);
    }
}
