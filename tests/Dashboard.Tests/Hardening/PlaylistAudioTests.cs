using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;
using Dashboard.Tests.Infrastructure;

namespace Dashboard.Tests.Hardening;

/// <summary>
/// Files that make ffmpeg open other files: an HLS playlist naming a file on the server, an ffconcat list, an SDP
/// session (which listens on the network). Every route that takes audio refuses them as INVALID_AUDIO without ever
/// opening what they name, so nothing of a server file can come back in a transcript, a duration or an error.
/// </summary>
[Trait("Category", "api")]
public sealed class PlaylistAudioTests(HardeningFactory factory) : IClassFixture<HardeningFactory>
{
    private const string SecretWords = "the vault code is purple elephant";

    public static TheoryData<string> AudioRoutes => ApiRouteTable.Keys(c => c.TakesAudio);

    [Theory]
    [MemberData(nameof(AudioRoutes))]
    public async Task AnHlsPlaylistNamingAServerFile_IsRefusedAsInvalidAudio_AndNothingOfTheFileComesBack(string key)
    {
        var route = ApiRouteTable.Get(key);
        var walk = await factory.WalkAsync();
        var secret = await SecretRecordingAsync();

        foreach (var (what, name, bytes) in Hostile(secret))
        {
            using var request = ApiRouteTable.Request(route, walk.Ids, walk.Valid with { Audio = bytes, AudioName = name, AudioType = "audio/mpeg" });

            var error = await walk.Owner.AssertRefusedAsync(factory, request, $"{key} with {what}");

            var message = (string?)error["message"] ?? "";
            Assert.Equal("INVALID_AUDIO", (string?)error["error_code"]);
            if (route.Body == BodyKind.Multipart) Assert.Contains(name, message, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, error.ToJsonString(), StringComparison.Ordinal);
            foreach (var word in new[] { "vault", "purple", "elephant" }) Assert.DoesNotContain(word, error.ToJsonString(), StringComparison.OrdinalIgnoreCase);
        }
    }

    [Theory]
    [MemberData(nameof(AudioRoutes))]
    public async Task AFileNamedInAPlaylist_IsNeverOpened(string key)
    {
        var route = ApiRouteTable.Get(key);
        var walk = await factory.WalkAsync();
        using var watched = await WatchedFile.CreateAsync();
        using var request = ApiRouteTable.Request(route, walk.Ids, walk.Valid with { Audio = Hls(watched.Path), AudioName = "watched.mp3", AudioType = "audio/mpeg" });

        await walk.Owner.AssertRefusedAsync(factory, request, $"{key} with a playlist naming a watched file");

        Assert.False(await watched.WasOpenedAsync(), "the server opened a file named in an uploaded playlist");
    }

    [Fact]
    public async Task APlaylistInsideAZipArchive_IsRefused_AndWhatItNamesIsNeverOpened()
    {
        var walk = await factory.WalkAsync();
        using var watched = await WatchedFile.CreateAsync();
        var zip = Path.Combine(TestTemp.Root, $"playlist-{Guid.NewGuid():N}.zip");
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
        {
            await using (var entry = archive.CreateEntry("song.mp3").Open()) await entry.WriteAsync(Hls(watched.Path));
            await using (var entry = archive.CreateEntry("trans.txt").Open()) await entry.WriteAsync("song.mp3\tthe patient is stable\n"u8.ToArray());
        }
        using var form = new MultipartFormDataContent { { new StringContent("train"), "type" } };
        form.Add(new ByteArrayContent(await File.ReadAllBytesAsync(zip)) { Headers = { ContentType = new MediaTypeHeaderValue("application/zip") } }, "archive_file", "batch.zip");
        using var request = new HttpRequestMessage(HttpMethod.Put, $"{ApiClientExtensions.Models}/{walk.Ids.ReadyModel}/data") { Content = form };

        var error = await walk.Owner.AssertRefusedAsync(factory, request, "an archive holding a playlist");

        Assert.Contains("song.mp3", error.ToJsonString(), StringComparison.Ordinal);
        Assert.False(await watched.WasOpenedAsync(), "the server opened a file named in a playlist inside an archive");
        File.Delete(zip);
    }

    /// <summary>Each refers to <paramref name="secret"/> the way its format allows, by absolute URL or path.</summary>
    private static IEnumerable<(string What, string Name, byte[] Bytes)> Hostile(string secret)
    {
        yield return ("an HLS playlist naming a server file", "playlist.mp3", Hls(secret));
        yield return ("an ffconcat list naming a server file", "list.mp3",
            Encoding.ASCII.GetBytes($"ffconcat version 1.0\nfile '{secret}'\nfile 'file:{secret}'\n"));
        yield return ("an SDP session that listens for RTP", "session.mp3",
            "v=0\r\no=- 0 0 IN IP4 127.0.0.1\r\ns=x\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 45999 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n"u8.ToArray());
    }

    private static byte[] Hls(string path) => Encoding.ASCII.GetBytes(
        "#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:10\n#EXT-X-MEDIA-SEQUENCE:0\n" +
        string.Concat(Enumerable.Repeat($"#EXTINF:10.0,\nfile://{path}\n", 3)) + "#EXT-X-ENDLIST\n");

    /// <summary>A recording on the server's disk (made with espeak-ng) that no client may read through the API.</summary>
    private static async Task<string> SecretRecordingAsync()
    {
        var wav = await AudioFiles.SpeechAsync(SecretWords);
        var mp3 = Path.ChangeExtension(wav, ".secret.mp3");
        if (!File.Exists(mp3)) await AudioFiles.Run("ffmpeg", ["-v", "error", "-y", "-i", wav, mp3]);
        return mp3;
    }

    /// <summary>
    /// A named pipe: opening its write end blocks until some process opens it for reading, so a completed writer
    /// means the server (ffprobe or ffmpeg) opened the file.
    /// </summary>
    private sealed class WatchedFile : IDisposable
    {
        private readonly string folder;
        private readonly Task<bool> opened;
        private volatile bool releasing;

        private WatchedFile(string folder)
        {
            this.folder = folder;
            Path = System.IO.Path.Combine(folder, "watched.mp3");
            opened = Task.Factory.StartNew(() =>
            {
                using var writer = new FileStream(Path, FileMode.Open, FileAccess.Write);
                return !releasing;
            }, TaskCreationOptions.LongRunning);
        }

        public string Path { get; }

        public static async Task<WatchedFile> CreateAsync()
        {
            var folder = TestTemp.Folder("watched-");
            await AudioFiles.Run("mkfifo", [System.IO.Path.Combine(folder, "watched.mp3")]);
            return new WatchedFile(folder);
        }

        public async Task<bool> WasOpenedAsync()
        {
            await Task.Delay(300); // a tool still running after the answer would open it now
            if (opened.IsCompleted) return await opened;
            releasing = true;
            using (new FileStream(Path, FileMode.Open, FileAccess.Read)) { }
            return await opened;
        }

        public void Dispose()
        {
            if (!opened.IsCompleted)
            {
                releasing = true;
                try { using (new FileStream(Path, FileMode.Open, FileAccess.Read)) { } } catch (IOException) { }
            }
            Directory.Delete(folder, recursive: true);
        }
    }
}
