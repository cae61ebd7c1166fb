using Dashboard.Shared.Models;
using System.Net;
using System.Net.Http.Json;
using Dashboard.Server.Training;
using Dashboard.Tests.Infrastructure;

namespace Dashboard.Tests.Faults;

/// <summary>
/// The real server as a child process, stopped the hard way mid-work and started again on the same data:
/// SIGTERM mid-training (a clean, bounded stop; the run resumes) and SIGKILL mid-upload (nothing partial kept).
/// </summary>
[Trait("Category", "api")]
public sealed class ServerFaultTests(Xunit.Abstractions.ITestOutputHelper output) : IDisposable
{
    private readonly string folder = TestTemp.Folder("dashboard-faults-");

    private IDictionary<string, string> Environment => ServerProcess.TrainingEnvironment(folder, simulationSeconds: 12);

    private string StorageRoot => Environment["Storage__Root"];

    private async Task<string> ApiKeyAsync()
    {
        var (exitCode, key, error) = await ServerProcess.RunCommandAsync(Environment, "create-api-key", "--org", "Faults", "--plan", "gold");
        Assert.True(exitCode == 0, error);
        return key.Trim();
    }

    [Fact]
    public async Task Sigterm_MidTraining_StopsTheServerWithin30Seconds_AndTheRunCompletesAfterTheRestart()
    {
        var key = await ApiKeyAsync();
        int id;
        TimeSpan stopped;
        string firstOutput;
        using (var first = await ServerProcess.StartAsync(Environment))
        {
            using var client = first.CreateClient(key);
            id = await new CustomModelBuilder(client).ReadyToRun().CreateAsync();
            await (await client.PostAsJsonAsync($"{ApiClientExtensions.Models}/{id}/run", new { })).AssertStatusAsync(HttpStatusCode.Accepted);
            await client.WaitForProgressAsync(id, 15);

            stopped = await first.TerminateAsync(TimeSpan.FromSeconds(30));
            firstOutput = first.Output;
        }

        using var second = await ServerProcess.StartAsync(Environment);
        using var again = second.CreateClient(key);
        var done = await again.WaitForStatusAsync(id, TimeSpan.FromMinutes(2), TrainingStatus.Success, TrainingStatus.Failed);

        output.WriteLine($"SIGTERM mid-training: the server exited after {stopped.TotalSeconds:0.0} s");
        Assert.True(stopped < TimeSpan.FromSeconds(30), $"stopped after {stopped}");
        Assert.True(done.Status() == TrainingStatus.Success, $"{done.ToJsonString()}\n{firstOutput}\n{second.Output}");
        var log = await again.LogMessagesAsync(id);
        var stopping = log.IndexOf(TrainingRunner.StoppingMessage);
        Assert.True(stopping > 0, string.Join('\n', log));
        Assert.Equal(TrainingRunner.RestartedMessage, log.Skip(stopping + 1).First());
        Assert.StartsWith("Training succeeded", log[^1], StringComparison.Ordinal);
        Assert.Equal(1, (int)done["training_metrics"]!["version"]!);
    }

    [Fact]
    public async Task Sigkill_MidUpload_LeavesNoStagedFileNoOrphanBlobAndNoRow_AfterTheRestart()
    {
        var key = await ApiKeyAsync();
        int id;
        string orphan;
        using (var first = await ServerProcess.StartAsync(Environment))
        {
            using var client = first.CreateClient(key);
            id = await new CustomModelBuilder(client).WithTrain().CreateAsync();
            // What a crash between storing a pair's files and saving its row leaves: a data blob no row names.
            orphan = Path.Combine(Directory.CreateDirectory(Path.Combine(StorageRoot, "blobs", "models", id.ToString(), "test")).FullName, Guid.NewGuid().ToString("N") + ".audio");
            File.Copy(await AudioFiles.ToneAsync("wav", 1), orphan);
            using var body = new SlowUpload(await AudioFiles.ToneAsync("wav", 30));
            _ = client.PutAsync($"{ApiClientExtensions.Models}/{id}/data", body.Form);
            await body.Sent;
            await WaitUntilAsync(() => Directory.EnumerateFiles(Path.Combine(StorageRoot, "staging")).Any(), "a staged file");

            first.KillAbruptly();
        }
        Assert.NotEmpty(Directory.EnumerateFiles(Path.Combine(StorageRoot, "staging")));

        using var second = await ServerProcess.StartAsync(Environment);
        using var again = second.CreateClient(key);
        var model = await again.GetModelAsync(id);

        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(StorageRoot, "staging")));
        Assert.False(File.Exists(orphan), "the orphan blob is still there");
        Assert.Equal((1, 0), ((int)model["data"]!["train_files"]!, (int)model["data"]!["test_files"]!));
        Assert.Equal(TrainingStatus.NotRunning, model.Status());
        var kept = Directory.GetFiles(Path.Combine(StorageRoot, "blobs", "models", id.ToString()), "*", SearchOption.AllDirectories);
        Assert.Equal(2, kept.Length); // the accepted pair is untouched
        Assert.Contains("Start-up clean-up after an unclean stop", second.Output, StringComparison.Ordinal);
    }

    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"No {what} after 30 s.");
            await Task.Delay(50);
        }
    }

    public void Dispose()
    {
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }
}

/// <summary>A multipart upload whose audio part sends its first half, then hangs: the moment to pull the plug.</summary>
public sealed class SlowUpload : IDisposable
{
    private readonly TaskCompletionSource sent = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource never = new();

    public SlowUpload(string audioPath)
    {
        Form = new MultipartFormDataContent { { new StringContent("test"), "type" } };
        var bytes = File.ReadAllBytes(audioPath);
        var audio = new System.Net.Http.StreamContent(new HangingStream(bytes, bytes.Length / 2, sent, never.Task));
        audio.Headers.ContentType = new("application/octet-stream");
        Form.Add(audio, "audio_file", "hanging.wav");
    }

    public MultipartFormDataContent Form { get; }

    /// <summary>Completes once the first half of the audio has been handed to the connection.</summary>
    public Task Sent => sent.Task.WaitAsync(TimeSpan.FromSeconds(30));

    public void Dispose() => Form.Dispose();

    private sealed class HangingStream(byte[] bytes, int hangAt, TaskCompletionSource sent, Task never) : Stream
    {
        private int position;

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (position >= hangAt)
            {
                sent.TrySetResult();
                await never.WaitAsync(cancellationToken);
            }
            var count = Math.Min(buffer.Length, hangAt - position);
            bytes.AsMemory(position, count).CopyTo(buffer);
            position += count;
            return count;
        }

        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => bytes.Length;
        public override long Position { get => position; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
