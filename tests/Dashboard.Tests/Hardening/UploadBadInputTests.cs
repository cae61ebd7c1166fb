using System.Net.Http.Headers;
using System.Text;

namespace Dashboard.Tests.Hardening;

/// <summary>Every route that takes audio (data uploads, /api/v3/stt, /v1/listen), walked with files that are not what they claim.</summary>
[Trait("Category", "api")]
public sealed class UploadBadInputTests(HardeningFactory factory) : IClassFixture<HardeningFactory>
{
    public static TheoryData<string> AudioRoutes => ApiRouteTable.Keys(c => c.TakesAudio);

    public static TheoryData<string> MultipartRoutes => ApiRouteTable.Keys(c => c.Body == BodyKind.Multipart);

    public static TheoryData<string> TranscriptRoutes => ApiRouteTable.Keys(c => c.TakesTranscript);

    [Theory]
    [MemberData(nameof(AudioRoutes))]
    public async Task AudioThatIsCorruptTruncatedEmptyOrMislabelled_Gets400_AndChangesNothing(string key)
    {
        var route = ApiRouteTable.Get(key);
        var walk = await factory.WalkAsync();
        foreach (var (what, bytes, name, type) in await HostileFiles.BadAudioAsync(forTraining: route.TakesTranscript))
        {
            using var request = ApiRouteTable.Request(route, walk.Ids, walk.Valid with { Audio = bytes, AudioName = name, AudioType = type });

            var error = await walk.Owner.AssertRefusedAsync(factory, request, $"{key} with {what}");

            Assert.True((string?)error["error_code"] is "INVALID_AUDIO" or "VALIDATION_FAILED", error.ToJsonString());
            if (bytes.Length > 0 && route.Body == BodyKind.Multipart) Assert.Contains(name, (string?)error["message"], StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(TranscriptRoutes))]
    public async Task TranscriptsInOtherEncodingsBinaryOrEmpty_Get400InvalidTranscript_AndChangeNothing(string key)
    {
        var route = ApiRouteTable.Get(key);
        var walk = await factory.WalkAsync();
        foreach (var (what, bytes) in HostileFiles.BadTranscripts())
        {
            using var request = ApiRouteTable.Request(route, walk.Ids, walk.Valid with { Transcript = bytes, TranscriptName = "notes.txt" });

            var error = await walk.Owner.AssertRefusedAsync(factory, request, $"{key} with a transcript that is {what}");

            Assert.Equal("INVALID_TRANSCRIPT", (string?)error["error_code"]);
            Assert.Contains("notes.txt", (string?)error["message"], StringComparison.Ordinal);
        }
    }

    /// <summary>Bodies that are not multipart/form-data as declared, each with the Content-Type sent.</summary>
    private static IEnumerable<(string What, string ContentType, byte[] Body)> MalformedMultipart(byte[] valid, string boundary)
    {
        var text = Encoding.Latin1.GetString(valid);
        yield return ("cut off in the middle", $"multipart/form-data; boundary={boundary}", valid[..(valid.Length / 2)]);
        yield return ("without its closing boundary", $"multipart/form-data; boundary={boundary}", Encoding.Latin1.GetBytes(text[..text.LastIndexOf("--" + boundary, StringComparison.Ordinal)]));
        yield return ("with another boundary than declared", "multipart/form-data; boundary=not-the-boundary", valid);
        yield return ("without a boundary", "multipart/form-data", valid);
        yield return ("with an empty boundary", "multipart/form-data; boundary=\"\"", valid);
        yield return ("with a 500-character boundary", $"multipart/form-data; boundary={new string('b', 500)}", valid);
        yield return ("declared as JSON", "application/json", valid);
        yield return ("with no Content-Type", "", valid);
        yield return ("of garbage bytes", $"multipart/form-data; boundary={boundary}", Enumerable.Range(0, 5000).Select(i => (byte)(i * 31)).ToArray());
        yield return ("with a part header over 16 KB", $"multipart/form-data; boundary={boundary}",
            Encoding.Latin1.GetBytes($"--{boundary}\r\nContent-Disposition: form-data; name=\"type\"\r\nX-Junk: {new string('j', 20_000)}\r\n\r\ntrain\r\n--{boundary}--\r\n"));
        yield return ("with 100 part headers", $"multipart/form-data; boundary={boundary}",
            Encoding.Latin1.GetBytes($"--{boundary}\r\nContent-Disposition: form-data; name=\"type\"\r\n{string.Concat(Enumerable.Range(0, 100).Select(i => $"X-{i}: {i}\r\n"))}\r\ntrain\r\n--{boundary}--\r\n"));
        yield return ("with parts but no files", $"multipart/form-data; boundary={boundary}",
            Encoding.Latin1.GetBytes($"--{boundary}\r\nContent-Disposition: form-data; name=\"type\"\r\n\r\ntrain\r\n--{boundary}--\r\n"));
        yield return ("with a part without Content-Disposition", $"multipart/form-data; boundary={boundary}",
            Encoding.Latin1.GetBytes($"--{boundary}\r\nContent-Type: audio/wav\r\n\r\nRIFF\r\n--{boundary}--\r\n"));
    }

    [Theory]
    [MemberData(nameof(MultipartRoutes))]
    public async Task MalformedMultipart_Gets400InTheEnvelope_AndChangesNothing(string key)
    {
        var route = ApiRouteTable.Get(key);
        var walk = await factory.WalkAsync();
        using var template = ApiRouteTable.Request(route, walk.Ids, walk.Valid);
        var valid = await template.Content!.ReadAsByteArrayAsync();
        var boundary = template.Content.Headers.ContentType!.Parameters.Single(p => p.Name == "boundary").Value!.Trim('"');
        foreach (var (what, contentType, body) in MalformedMultipart(valid, boundary))
        {
            using var request = ApiRouteTable.Request(route, walk.Ids, walk.Valid);
            request.Content = new ByteArrayContent(body);
            if (contentType.Length > 0) request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);

            await walk.Owner.AssertRefusedAsync(factory, request, $"{key} with a body {what}");
        }
    }

    [Theory]
    [MemberData(nameof(AudioRoutes))]
    public async Task ABodyOverTheUploadLimit_Gets413_WithOrWithoutContentLength_AndChangesNothing(string key)
    {
        var route = ApiRouteTable.Get(key);
        var walk = await factory.WalkAsync();
        var big = new byte[3 * 1024 * 1024];
        new Random(3).NextBytes(big);
        foreach (var chunked in new[] { false, true })
        {
            using var request = ApiRouteTable.Request(route, walk.Ids, walk.Valid with { Audio = big });
            if (chunked) request.Content = new StreamContent(new NoLengthStream(await request.Content!.ReadAsByteArrayAsync())) { Headers = { ContentType = request.Content.Headers.ContentType } };

            var error = await walk.Owner.AssertRefusedAsync(factory, request, $"{key} with 3 MB (limit 1 MB){(chunked ? ", chunked" : "")}");

            Assert.Equal("PAYLOAD_TOO_LARGE", (string?)error["error_code"]);
        }
    }

    /// <summary>A body whose length the client does not know in advance (sent chunked).</summary>
    private sealed class NoLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
