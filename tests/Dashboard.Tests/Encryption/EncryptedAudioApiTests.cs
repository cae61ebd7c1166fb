using Dashboard.Shared.Models;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Dashboard.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Dashboard.Tests.Encryption.EncryptedBlobs;

namespace Dashboard.Tests.Encryption;

/// <summary>
/// Through the API, as users meet it: uploaded pairs are stored encrypted, yet play back whole and by range (an
/// &lt;audio&gt; element seeks with ranges), and neither the storage folder nor the database holds their plaintext.
/// </summary>
[Trait("Category", "api")]
public sealed class EncryptedAudioApiTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    private const string Models = ApiClientExtensions.Models;

    private async Task<(HttpClient Client, int ModelId, int FileId, byte[] Audio, string AudioBlob)> UploadedAsync(string transcript = "the patient has atrial fibrillation")
    {
        var client = await factory.CreateClientForAsync("encrypted-" + Guid.NewGuid().ToString("N"));
        var id = (int)(await client.CreateModelAsync())["id"]!;
        var audio = await AudioFiles.ToneAsync("wav", seconds: 10); // 320 KB: five 64 KiB segments
        var text = await AudioFiles.TranscriptAsync(transcript);
        foreach (var type in new[] { "train", "test" })
            await (await client.UploadAsync(id, type, audio, text)).ReadJsonAsync(expectSuccess: true);
        var file = await factory.QueryAsync(db => db.DataFiles.FirstAsync(f => f.ModelId == id));
        return (client, id, file.Id, await File.ReadAllBytesAsync(audio), file.AudioBlob);
    }

    [Fact]
    public async Task UploadedAudio_PlaysBackWhole_ThoughItIsStoredEncrypted()
    {
        var (client, id, fileId, audio, blob) = await UploadedAsync();

        var played = await client.GetByteArrayAsync($"{Models}/{id}/data/{fileId}/audio");

        Assert.Equal(audio, played);
        Assert.NotEqual(audio.Length, new FileInfo(factory.FileOf(blob)).Length);
        Assert.False(Contains(await File.ReadAllBytesAsync(factory.FileOf(blob)), audio.AsSpan(100_000, 32)));
    }

    [Theory]
    [InlineData(65_530L, 65_545L)]  // across the first segment boundary
    [InlineData(131_072L, 131_072L)] // the first byte of segment 2
    [InlineData(0L, 199_999L)]       // three segments and a part
    [InlineData(300_000L, null)]     // from inside the last segment to the end
    public async Task ARangeRequest_Returns206_WithExactlyThatSlice(long from, long? to)
    {
        var (client, id, fileId, audio, _) = await UploadedAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{Models}/{id}/data/{fileId}/audio");
        request.Headers.Range = new RangeHeaderValue(from, to);

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        var last = to ?? audio.Length - 1;
        Assert.Equal($"bytes {from}-{last}/{audio.Length}", response.Content.Headers.ContentRange?.ToString());
        Assert.Equal(audio[(int)from..((int)last + 1)], await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task AudioAlteredOnDisk_Returns500StoredDataCorrupt_InsteadOfTheBytes()
    {
        var (client, id, fileId, _, blob) = await UploadedAsync();
        var bytes = await File.ReadAllBytesAsync(factory.FileOf(blob));
        bytes[200] ^= 0x80;
        await File.WriteAllBytesAsync(factory.FileOf(blob), bytes);

        var error = await (await client.GetAsync($"{Models}/{id}/data/{fileId}/audio")).AssertErrorAsync(HttpStatusCode.InternalServerError, "STORED_DATA_CORRUPT");

        Assert.Contains("integrity", (string?)error["message"]);
    }

    [Fact]
    public async Task AfterUploadAndTraining_NeitherTheStorageFolderNorTheDatabase_HoldsTheTranscriptOrTheAudio()
    {
        var transcript = $"the quokka ate {Guid.NewGuid():N} marmalade sandwiches on tuesday";
        var (client, id, _, audio, _) = await UploadedAsync(transcript);
        (await client.PostAsync($"{Models}/{id}/run", null)).EnsureSuccessStatusCode();
        await client.WaitForStatusAsync(id, TimeSpan.FromMinutes(1), TrainingStatus.Success);

        var needles = new[] { Encoding.UTF8.GetBytes(transcript), Encoding.UTF8.GetBytes(transcript.Split(' ')[3]), audio[50_000..50_032], audio[250_000..250_032] };
        var files = Directory.GetFiles(factory.Folder, "*", SearchOption.AllDirectories);
        Assert.Contains(files, f => f.EndsWith("dashboard.db", StringComparison.Ordinal));
        Assert.True(files.Count(f => f.Contains("/blobs/", StringComparison.Ordinal)) >= 4, string.Join("\n", files));
        foreach (var file in files)
        {
            var bytes = await File.ReadAllBytesAsync(file);
            foreach (var needle in needles) Assert.False(Contains(bytes, needle), $"{file} holds plaintext of the upload");
        }
        // The scan reads what the database holds: the model's name is there in plaintext (it is not a transcript).
        Assert.Contains(files, f => Contains(File.ReadAllBytes(f), "Medical Cardiology EN"u8));
    }

    [Fact]
    public async Task TrainingLogLines_AreStoredEncrypted_AndReadBackInPlainWords()
    {
        var (client, id, _, _, _) = await UploadedAsync();
        (await client.PostAsync($"{Models}/{id}/run", null)).EnsureSuccessStatusCode();
        await client.WaitForStatusAsync(id, TimeSpan.FromMinutes(1), TrainingStatus.Success);

        var stored = await factory.QueryAsync(db => db.TrainingLog.Where(l => l.ModelId == id).Select(l => l.Message).ToListAsync());
        var log = await client.GetStringAsync($"{Models}/{id}/log?format=text");

        Assert.NotEmpty(stored);
        Assert.All(stored, m => Assert.StartsWith("enc1:", m));
        Assert.Contains("Validated 1 training and 1 test pairs.", log);
    }
}
