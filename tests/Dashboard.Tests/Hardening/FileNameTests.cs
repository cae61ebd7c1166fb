using System.Text;
using Dashboard.Tests.Infrastructure;

namespace Dashboard.Tests.Hardening;

/// <summary>A client's file names are shown, never used as paths: separators, `..`, NUL and very long names cannot place a file.</summary>
[Trait("Category", "api")]
public sealed class FileNameTests(HardeningFactory factory) : IClassFixture<HardeningFactory>
{
    public static TheoryData<string> HostileNames => new()
    {
        "../../../../tmp/escaped.wav",
        "..\\..\\..\\escaped.wav",
        "/etc/passwd",
        "a\0b.wav",
        "..",
        "name\r\nX-Injected: 1.wav",
        new string('x', 5000) + ".wav",
        "%2e%2e%2fescaped.wav",
    };

    [Theory]
    [MemberData(nameof(HostileNames))]
    public async Task AHostileNameOnABadFile_IsRefused_NamingTheFileAsABareName(string name)
    {
        var walk = await factory.WalkAsync();
        using var request = RawUpload(walk.Ids.ReadyModel, walk.Valid with { Audio = "not audio"u8.ToArray(), AudioName = name });

        var error = await walk.Owner.AssertRefusedAsync(factory, request, $"upload named {name}");

        AssertBareName((string)error["details"]!["file"]!);
    }

    [Theory]
    [MemberData(nameof(HostileNames))]
    public async Task AHostileNameOnAGoodFile_IsStoredAsADisplayNameOnly_InsideStorage(string name)
    {
        var walk = await factory.WalkAsync();
        var id = (int)(await walk.Owner.CreateModelAsync("names " + Guid.NewGuid().ToString("N")))["id"]!;
        var outside = Directory.GetParent(factory.StorageRoot)!.GetFiles("*", SearchOption.TopDirectoryOnly).Select(f => f.Name).ToList();
        using var request = RawUpload(id, walk.Valid with { AudioName = name, TranscriptName = name + ".txt" });

        var response = await walk.Owner.SendAsync(request);

        var file = (await response.ReadJsonAsync(expectSuccess: true))["file"]!;
        AssertBareName((string)file["audio_file_name"]!);
        AssertBareName((string)file["transcript_file_name"]!);
        Assert.Equal(outside, Directory.GetParent(factory.StorageRoot)!.GetFiles("*", SearchOption.TopDirectoryOnly).Select(f => f.Name).ToList());
        Assert.False(File.Exists("/tmp/escaped.wav"));
        Assert.All(factory.BlobsOf(id), path => Assert.StartsWith(Path.Combine(factory.BlobRoot(), "models", id.ToString()), path, StringComparison.Ordinal));
        Assert.Equal(2, factory.BlobsOf(id).Count);
    }

    /// <summary>
    /// A data upload written byte by byte, as a hostile client would: .NET's own form builder refuses names with NUL or
    /// line breaks. The names go in RFC 5987 form (filename*=UTF-8''...), which the server decodes.
    /// </summary>
    private static HttpRequestMessage RawUpload(int modelId, Upload upload)
    {
        const string boundary = "hostile-name-boundary";
        var body = new MemoryStream();
        void Write(string text) => body.Write(Encoding.UTF8.GetBytes(text));
        void Part(string field, string? fileName, byte[] content)
        {
            Write($"--{boundary}\r\nContent-Disposition: form-data; name=\"{field}\"{(fileName is null ? "" : $"; filename*=UTF-8''{Uri.EscapeDataString(fileName)}")}\r\n\r\n");
            body.Write(content);
            Write("\r\n");
        }
        Part("type", null, "train"u8.ToArray());
        Part("audio_file", upload.AudioName, upload.Audio);
        Part("transcript_file", upload.TranscriptName, upload.Transcript);
        Write($"--{boundary}--\r\n");
        var content = new ByteArrayContent(body.ToArray());
        content.Headers.TryAddWithoutValidation("Content-Type", $"multipart/form-data; boundary={boundary}");
        return new HttpRequestMessage(HttpMethod.Put, $"{ApiClientExtensions.Models}/{modelId}/data") { Content = content };
    }

    private static void AssertBareName(string name)
    {
        Assert.DoesNotContain('/', name);
        Assert.DoesNotContain('\\', name);
        Assert.DoesNotContain('\0', name);
        Assert.False(name.Any(char.IsControl), $"control character in {name}");
        Assert.NotEqual("..", name);
        Assert.InRange(name.Length, 1, 255);
    }
}
