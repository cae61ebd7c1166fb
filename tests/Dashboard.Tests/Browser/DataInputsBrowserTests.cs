using Dashboard.Tests.DataInputs;
using Dashboard.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Dashboard.Tests.Browser;

/// <summary>The model page in Chromium: a ZIP handed to the upload input lists its accepted and rejected files; text data shows beside the audio sets.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "browser")]
public sealed class DataInputsBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task AZipOnTheUploadInput_ListsTheAcceptedPairs_AndEachRejectedFileWithItsReason()
    {
        var page = await fixture.SignInAsync(BrowserFixture.Member);
        await BrowserFlows.CreateModelAsync(page, "Bulk upload " + Guid.NewGuid().ToString("N")[..6]);
        var folder = TestTemp.Folder("zip-upload-");
        var zip = Path.Combine(folder, "week-12.zip");
        File.Move(await new ArchiveFiles()
            .File("call_01.wav", await AudioFiles.SpeechAsync("the patient has atrial fibrillation")).Text("call_01.txt", "The patient has atrial fibrillation.")
            .File("call_02.wav", await AudioFiles.SpeechAsync("blood pressure is stable")).Text("call_02.txt", "Blood pressure is stable.")
            .File("call_03.wav", await AudioFiles.NotAudioAsync()).Text("call_03.txt", "Not really audio.")
            .File("call_04.wav", await AudioFiles.SpeechAsync("no transcript for this one"))
            .WriteAsync(), zip);

        await page.GetByTestId("upload-type-train").ClickAsync();
        await page.GetByTestId("upload-input").SetInputFilesAsync(zip);

        await Assertions.Expect(page.Locator("[data-testid=upload-item][data-state=done]")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("archive-rejected")).ToHaveCountAsync(2);
        await Assertions.Expect(page.GetByTestId("archive-rejected").Filter(new() { HasText = "call_03.wav" })).ToContainTextAsync("not a readable audio file");
        await Assertions.Expect(page.GetByTestId("archive-rejected").Filter(new() { HasText = "call_04.wav" })).ToContainTextAsync("call_04.txt");
        await Assertions.Expect(page.GetByTestId("archive-result")).ToContainTextAsync("2 pairs added");
        await Assertions.Expect(page.GetByTestId("dataset-train").GetByTestId("data-file")).ToHaveCountAsync(2);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotTests.OutputFolder(), "archive-upload-1400.png"), FullPage = true });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task TextData_UploadedOnTheTextTab_IsListedWithItsSentences_BesideTheAudioSets()
    {
        var page = await fixture.SignInAsync(BrowserFixture.Member);
        await BrowserFlows.CreateModelAsync(page, "Clinic letters " + Guid.NewGuid().ToString("N")[..6]);
        await BrowserFlows.UploadAsync(page, "train", await BrowserFlows.SpeechPairsAsync("dictation", 2), 2);
        var text = Path.Combine(TestTemp.Folder("text-data-"), "clinic-letters-2025.txt");
        await File.WriteAllTextAsync(text, "Dabigatran was started for atrial fibrillation. Review in two weeks.\nThe patient continues apixaban twice daily.\n");

        await page.GetByTestId("upload-type-text").ClickAsync();
        await page.GetByTestId("upload-input").SetInputFilesAsync(text);

        await Assertions.Expect(page.GetByTestId("text-file")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("text-file")).ToContainTextAsync("clinic-letters-2025.txt");
        await Assertions.Expect(page.GetByTestId("text-sentences")).ToHaveTextAsync("3");
        await Assertions.Expect(page.GetByTestId("dataset-train").GetByTestId("data-file")).ToHaveCountAsync(2);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotTests.OutputFolder(), "text-data-1400.png"), FullPage = true });
        await page.Context.CloseAsync();
    }
}
