using System.Diagnostics;
using System.Threading.Channels;
using Dashboard.Server.Storage;
using Dashboard.Server.Speech;

namespace Dashboard.Server.Streaming;

/// <summary>
/// ffmpeg as a pipe for one stream: the client's bytes go to its stdin, 16 kHz mono PCM comes from its stdout as it is
/// decoded. Only the pipe protocol is allowed (a stream is never a playlist or a path), probing is kept short and output
/// is flushed per packet, so speech reaches the recognizer with little delay.
/// </summary>
public sealed class FfmpegStreamInput : IStreamAudioInput
{
    private const int ReadBytes = 3200; // 100 ms at 16 kHz
    private readonly Process process;
    private readonly Task pump;
    private readonly ChannelWriter<StreamCommand> commands;

    private FfmpegStreamInput(Process process, ChannelWriter<StreamCommand> commands)
    {
        this.process = process;
        this.commands = commands;
        pump = Task.Run(PumpAsync);
    }

    public static FfmpegStreamInput Start(StreamOptions options, ChannelWriter<StreamCommand> commands)
    {
        var start = ProcessRunner.StartInfo("ffmpeg", Arguments(options));
        start.RedirectStandardInput = true;
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start ffmpeg.");
        _ = process.StandardError.ReadToEndAsync(); // drained so ffmpeg never blocks on it; errors show as its exit code
        return new FfmpegStreamInput(process, commands);
    }

    private static string[] Arguments(StreamOptions options)
    {
        string[] raw = ["-ar", Text(options.SampleRate), "-ac", Text(options.Channels)];
        string[] format = options.Encoding switch
        {
            "linear16" => ["-f", "s16le", .. raw],
            "mulaw" or "alaw" => ["-f", options.Encoding, .. raw],
            _ => ["-probesize", "8192", "-analyzeduration", "0"],
        };
        // not -fflags nobuffer: it drops raw input
        return ["-hide_banner", .. PcmAudio.FfmpegArguments("pipe", format, "pipe:0", ["-flush_packets", "1", "pipe:1"])];
    }

    private static string Text(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public async ValueTask WriteAsync(ReadOnlyMemory<byte> audio, CancellationToken ct)
    {
        try
        {
            await process.StandardInput.BaseStream.WriteAsync(audio, ct);
            await process.StandardInput.BaseStream.FlushAsync(ct);
        }
        catch (IOException)
        {
            // ffmpeg has exited (it could not decode the audio): the pump reports it
        }
    }

    public async Task CompleteAsync()
    {
        try { process.StandardInput.Close(); } catch (IOException) { }
        await pump;
    }

    private async Task PumpAsync()
    {
        var buffer = new byte[ReadBytes];
        var joiner = new SampleJoiner();
        var output = process.StandardOutput.BaseStream;
        int read;
        while ((read = await output.ReadAsync(buffer)) > 0)
        {
            var samples = joiner.Join(buffer.AsSpan(0, read));
            if (samples.Length > 0) commands.TryWrite(new AudioCommand(samples)); // unbounded: fails only once the stream has ended
        }
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) commands.TryWrite(new UndecodableCommand()); // its stderr says why; the client gets DATA-0000
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
        }
        try { await pump.WaitAsync(TimeSpan.FromSeconds(5)); } catch (Exception e) when (e is TimeoutException or IOException) { }
        process.Dispose();
    }
}
