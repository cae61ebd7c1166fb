using Dashboard.Shared.Models;
using System.Text.RegularExpressions;
using Dashboard.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Dashboard.Tests.Browser;

/// <summary>What a user does in the dashboard, step by step, shared by the browser tests.</summary>
public static partial class BrowserFlows
{
    public static async Task<int> CreateModelAsync(IPage page, string name, string? description = null)
    {
        await page.GotoAsync("/models");
        await BrowserFixture.WaitForCircuitAsync(page);
        await page.GetByTestId("create-model").ClickAsync();
        await page.GetByTestId("model-name-input").FillAsync(name);
        if (description is not null) await page.Locator("#model-description").FillAsync(description);
        await page.GetByTestId("create-model-submit").ClickAsync();
        await page.WaitForURLAsync(ModelUrl());
        await page.GetByTestId("model-title").WaitForAsync();
        return int.Parse(page.Url.Split('/')[^1]);
    }

    /// <summary>Real speech pairs named so that the page pairs them: {prefix}_1.wav + {prefix}_1.txt, …</summary>
    public static async Task<string[]> SpeechPairsAsync(string prefix, int count)
    {
        var folder = TestTemp.Folder("dashboard-pairs-");
        var files = new List<string>();
        for (var i = 1; i <= count; i++)
        {
            var text = $"the patient number {i} has atrial fibrillation and takes warfarin";
            var audio = Path.Combine(folder, $"{prefix}_{i}.wav");
            File.Copy(await AudioFiles.SpeechAsync(text), audio);
            var transcript = Path.Combine(folder, $"{prefix}_{i}.txt");
            await File.WriteAllTextAsync(transcript, text);
            files.AddRange([audio, transcript]);
        }
        return [.. files];
    }

    /// <summary>Picks the set, hands the files to the upload input, and waits until <paramref name="expectDone"/> pairs are uploaded.</summary>
    public static async Task UploadAsync(IPage page, string type, string[] files, int expectDone)
    {
        await page.GetByTestId($"upload-type-{type}").ClickAsync();
        await page.Locator($"[data-testid=dropzone][data-type={type}]").WaitForAsync();
        var before = await page.Locator("[data-testid=upload-item][data-state=done]").CountAsync();
        await page.GetByTestId("upload-input").SetInputFilesAsync(files);
        await Assertions.Expect(page.Locator("[data-testid=upload-item][data-state=done]")).ToHaveCountAsync(before + expectDone);
    }

    public static async Task WaitForStatusAsync(IPage page, TrainingStatus status, int timeoutMs = 60_000) =>
        await Assertions.Expect(page.Locator("header [data-testid=model-status]"))
            .ToHaveAttributeAsync("data-status", Code(status), new() { Timeout = timeoutMs });

    /// <summary>A status as the pages write it in data-status: the seed's number.</summary>
    public static string Code(TrainingStatus status) => ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A model created, filled and trained through the UI by the member; returns its id.</summary>
    public static async Task<int> TrainedModelAsync(IPage page, string name, string description, string[] train, string[] test)
    {
        var id = await CreateModelAsync(page, name, description);
        await UploadAsync(page, "train", train, train.Length / 2);
        await UploadAsync(page, "test", test, test.Length / 2);
        await page.GetByTestId("start-training").ClickAsync();
        await WaitForStatusAsync(page, TrainingStatus.Success);
        return id;
    }

    /// <summary>Hours of silent FLAC (a few KB) with its transcript, named {name}.flac + {name}.txt.</summary>
    public static async Task<string[]> LongPairAsync(string name, double hours)
    {
        var folder = TestTemp.Folder("dashboard-long-");
        var audio = Path.Combine(folder, $"{name}.flac");
        File.Copy(await AudioFiles.LongSilenceAsync(hours), audio);
        var transcript = Path.Combine(folder, $"{name}.txt");
        await File.WriteAllTextAsync(transcript, "thank you for calling the billing department how can i help you today");
        return [audio, transcript];
    }

    [GeneratedRegex(@"/models/\d+$")]
    public static partial Regex ModelUrl();
}
