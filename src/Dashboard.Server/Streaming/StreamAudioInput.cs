using System.Threading.Channels;

namespace Dashboard.Server.Streaming;

/// <summary>Turns the bytes of a stream's binary messages into 16 kHz mono PCM for the recognizer, in order.</summary>
public interface IStreamAudioInput : IAsyncDisposable
{
    ValueTask WriteAsync(ReadOnlyMemory<byte> audio, CancellationToken ct);

    /// <summary>No more audio: everything written so far has reached the recognizer when this returns.</summary>
    Task CompleteAsync();
}

public static class StreamAudioInput
{
    /// <summary>16 kHz mono linear16 goes straight through; any other encoding, rate, channel count or container through ffmpeg.</summary>
    public static IStreamAudioInput Open(StreamOptions options, ChannelWriter<StreamCommand> commands) =>
        options.IsDecoderPcm ? new DecoderPcmInput(commands) : FfmpegStreamInput.Start(options, commands);
}

/// <summary>linear16 at 16 kHz mono: the samples as sent.</summary>
public sealed class DecoderPcmInput(ChannelWriter<StreamCommand> commands) : IStreamAudioInput
{
    private readonly SampleJoiner samples = new();

    public ValueTask WriteAsync(ReadOnlyMemory<byte> audio, CancellationToken ct)
    {
        var pcm = samples.Join(audio.Span);
        return pcm.Length == 0 ? ValueTask.CompletedTask : commands.WriteAsync(new AudioCommand(pcm), ct);
    }

    public Task CompleteAsync() => Task.CompletedTask;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
