using System.Net;
using Dashboard.Tests.Infrastructure;
using Dashboard.Tests.Privacy;
using Microsoft.EntityFrameworkCore;
using static Dashboard.Tests.Encryption.EncryptedBlobs;

namespace Dashboard.Tests.Encryption;

/// <summary>
/// Uploads are encrypted while they arrive (the blob is written in staging beside, or for a PCM WAV instead of, the
/// plaintext working copy, and committed by a rename): what is stored must still play back byte for byte, be
/// encrypted, and a rejected upload must leave nothing in staging or storage.
/// </summary>
[Trait("Category", "api")]
public sealed class StreamingIngestTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    private const string Models = ApiClientExtensions.Models;

    private async Task<(HttpClient Client, int ModelId)> ModelAsync()
    {
        var client = await factory.CreateClientForAsync("ingest-" + Guid.NewGuid().ToString("N"));
        return (client, (int)(await client.CreateModelAsync())["id"]!);
    }

    private async Task<(int FileId, string Blob)> UploadedAsync(HttpClient client, int modelId, string audioPath, string query = "")
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent("train"), "type" },
            { new StreamContent(File.OpenRead(audioPath)), "audio_file", Path.GetFileName(audioPath) },
            { new StringContent("the patient has atrial fibrillation"), "transcript_file", "transcript.txt" },
        };
        var answer = await (await client.PutAsync($"{Models}/{modelId}/data{query}", form)).ReadJsonAsync(expectSuccess: true);
        var fileId = (int)answer["file"]!["id"]!;
        var file = await factory.QueryAsync(db => db.DataFiles.FirstAsync(f => f.Id == fileId));
        return (fileId, file.AudioBlob);
    }

    [Theory]
    [InlineData("wav")] // described from its header: no plaintext copy is written at all
    [InlineData("mp3")] // probed by ffprobe from the plaintext copy written in the same pass
    public async Task ALargeUpload_PlaysBackByteIdentical_IsStoredEncrypted_AndLeavesNothingInStaging(string format)
    {
        var (client, modelId) = await ModelAsync();
        var path = await AudioFiles.ToneAsync(format, seconds: 60, sampleRate: 44100); // WAV: 5.3 MB, more than the stager's pipe and buffers hold
        var audio = await File.ReadAllBytesAsync(path);

        var (fileId, blob) = await UploadedAsync(client, modelId, path);

        Assert.Equal(audio, await client.GetByteArrayAsync($"{Models}/{modelId}/data/{fileId}/audio"));
        var stored = await File.ReadAllBytesAsync(factory.FileOf(blob));
        Assert.True("DBLB"u8.SequenceEqual(stored.AsSpan(0, 4)));
        Assert.False(Contains(stored, audio.AsSpan(audio.Length / 2, 32)));
        var listed = (await (await client.GetAsync($"{Models}/{modelId}/data")).ReadJsonAsync(expectSuccess: true))["data"]!.AsArray().Single()!;
        Assert.Equal(60, (double)listed["duration_seconds"]!, 1);
        Assert.Equal(44100, (int)listed["sample_rate"]!);
        Assert.Empty(factory.StagedFiles());
    }

    [Fact]
    public async Task AWavTheHeaderCannotDescribe_IsProbedFromADecryptedWorkingCopy_AndStoredAsSent()
    {
        var (client, modelId) = await ModelAsync();
        var tone = await File.ReadAllBytesAsync(await AudioFiles.ToneAsync("wav", seconds: 3));
        // A chunk after the samples: the data no longer runs to the end of the file, so ffprobe decides.
        byte[] trailer = [.. "LIST"u8, 8, 0, 0, 0, .. "INFOISFT"u8];
        var path = Path.Combine(TestTemp.Root, $"trailing-{Guid.NewGuid():N}.wav");
        await File.WriteAllBytesAsync(path, [.. tone, .. trailer]);
        try
        {
            var (fileId, _) = await UploadedAsync(client, modelId, path);

            Assert.Equal(await File.ReadAllBytesAsync(path), await client.GetByteArrayAsync($"{Models}/{modelId}/data/{fileId}/audio"));
            var file = await factory.QueryAsync(db => db.DataFiles.FirstAsync(f => f.Id == fileId));
            Assert.Equal(3, file.DurationSeconds, 1);
            Assert.Empty(factory.StagedFiles());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task ARejectedUpload_NamesTheFile_AndLeavesNoStagedFileAndNoBlob()
    {
        var (client, modelId) = await ModelAsync();
        var audio = await AudioFiles.ToneAsync("wav", seconds: 60, sampleRate: 44100);
        var empty = await AudioFiles.TranscriptAsync("");

        var transcriptError = await (await client.UploadAsync(modelId, "train", audio, empty, transcriptName: "notes.txt"))
            .AssertErrorAsync(HttpStatusCode.BadRequest, "INVALID_TRANSCRIPT");
        var audioError = await (await client.UploadAsync(modelId, "train", await AudioFiles.NotAudioAsync(), await AudioFiles.TranscriptAsync("hello"), audioName: "dictation.mp3"))
            .AssertErrorAsync(HttpStatusCode.BadRequest, "INVALID_AUDIO");

        Assert.Contains("notes.txt", (string?)transcriptError["message"]);
        Assert.Contains("dictation.mp3", (string?)audioError["message"]);
        Assert.Empty(factory.StagedFiles());
        Assert.Empty(factory.BlobsOf(modelId));
        Assert.Equal(0, await factory.DataFileCountAsync(modelId));
    }

    [Fact]
    public async Task ThePoolCopyOfAnUpload_PlaysBackAlone_AfterTheModelsDataFileIsDeleted()
    {
        var (client, modelId) = await ModelAsync();
        var path = await AudioFiles.ToneAsync("wav", seconds: 5, sampleRate: 44100);
        var (fileId, _) = await UploadedAsync(client, modelId, path);
        var itemId = (int)(await client.PoolAsync()).Single()!["id"]!;

        (await client.DeleteAsync($"{Models}/{modelId}/data/{fileId}")).EnsureSuccessStatusCode();

        Assert.Empty(factory.BlobsOf(modelId));
        Assert.Equal(await File.ReadAllBytesAsync(path), await client.GetByteArrayAsync($"{PoolCalls.Items}/{itemId}/audio"));
    }
}
