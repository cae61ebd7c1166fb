using Dashboard.Client.Components;
using Dashboard.Shared.Training;

namespace Dashboard.Tests.Components;

/// <summary>The log view as the server prerenders it: a cap on the lines it keeps, times in UTC, said so, until the browser's zone is known.</summary>
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
        Assert.Contains("times in UTC", html);
        Assert.DoesNotContain("download the log for all", html);
    }

    private static Task<string> RenderAsync(IReadOnlyList<LogLineDto> lines) =>
        ComponentRendering.RenderAsync<LogTail>(new() { ["ModelId"] = 7, ["Lines"] = lines });
}
