using System.Runtime.InteropServices;
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

/// <summary>linear16 at 16 kHz mono: the samples as sent (a message may split a sample; its byte waits for the next).</summary>
public sealed class DecoderPcmInput(ChannelWriter<StreamCommand> commands) : IStreamAudioInput
{
    private byte? carried;

    public ValueTask WriteAsync(ReadOnlyMemory<byte> audio, CancellationToken ct)
    {
        var bytes = audio.Span;
        var joined = new byte[(carried.HasValue ? 1 : 0) + bytes.Length];
        if (carried is { } first) joined[0] = first;
        bytes.CopyTo(joined.AsSpan(carried.HasValue ? 1 : 0));
        carried = joined.Length % 2 == 1 ? joined[^1] : null;
        var samples = MemoryMarshal.Cast<byte, short>(joined.AsSpan(0, joined.Length & ~1)).ToArray();
        return samples.Length == 0 ? ValueTask.CompletedTask : commands.WriteAsync(new AudioCommand(samples), ct);
    }

    public Task CompleteAsync() => Task.CompletedTask;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
