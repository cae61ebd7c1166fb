using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text.Json;
using System.Threading.Channels;

namespace Dashboard.Server.Streaming;

/// <summary>How a stream ended, for billing, the pool and the audit log.</summary>
public sealed record StreamOutcome(double Seconds, IReadOnlyList<Speech.RecognizedWord> Words, string Ending);

/// <summary>
/// One open /v1/listen WebSocket. The receive loop takes binary messages (audio, through the <see cref="IStreamAudioInput"/>)
/// and text messages (KeepAlive, Finalize, CloseStream); one consumer runs the recognizer on the commands in order and
/// sends results. Nothing received for the idle timeout closes the stream with Deepgram's 1011 / NET-0001.
/// </summary>
public sealed class StreamSession(WebSocket socket, LiveRecognizer recognizer, StreamOptions options, StreamResultWriter results,
    StreamRecording? recording, TimeSpan idleTimeout, TimeProvider clock)
{
    public const string IdleReason = "NET-0001: no audio and no KeepAlive received within the 10 s timeout window.";
    public const string UndecodableReason = "DATA-0000: the payload cannot be decoded as audio.";

    private readonly Channel<StreamCommand> commands = Channel.CreateUnbounded<StreamCommand>(new() { SingleReader = true });
    private readonly IncrementalHash hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private string ending = "client closed";

    public async Task<StreamOutcome> RunAsync(CancellationToken aborted)
    {
        var created = clock.GetUtcNow();
        using var sender = new StreamSender(socket);
        await using (var input = StreamAudioInput.Open(options, commands.Writer))
        {
            var consumer = Task.Run(() => ConsumeAsync(sender, created), CancellationToken.None);
            try
            {
                await ReceiveAsync(input, sender, aborted);
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException or TimeoutException)
            {
                ending = ending == "client closed" ? "connection lost" : ending;
            }
            commands.Writer.TryWrite(new CloseCommand(SendMetadata: false));
            await consumer;
        }
        commands.Writer.TryComplete();
        await sender.CloseAsync(WebSocketCloseStatus.NormalClosure, "");
        await AwaitClientCloseAsync();
        return new StreamOutcome(recognizer.Seconds, recognizer.FinalWords, ending);
    }

    private async Task ReceiveAsync(IStreamAudioInput input, StreamSender sender, CancellationToken aborted)
    {
        var buffer = new byte[64 * 1024];
        using var text = new MemoryStream();
        var lastHeard = clock.GetTimestamp();
        while (true)
        {
            var receiving = socket.ReceiveAsync(buffer.AsMemory(), aborted).AsTask();
            if (!await ArrivesInTimeAsync(receiving, lastHeard, aborted))
            {
                ending = "idle timeout (NET-0001)";
                await sender.CloseAsync(WebSocketCloseStatus.InternalServerError, IdleReason);
                await receiving.WaitAsync(TimeSpan.FromSeconds(5), aborted); // the client's answering close
                return;
            }
            var message = await receiving;
            lastHeard = clock.GetTimestamp();
            if (message.MessageType == WebSocketMessageType.Close) return;
            if (message.MessageType == WebSocketMessageType.Binary)
            {
                if (message.Count == 0 && message.EndOfMessage) { await CloseStreamAsync(input); return; } // Deepgram's older way to close
                hash.AppendData(buffer, 0, message.Count);
                await input.WriteAsync(buffer.AsMemory(0, message.Count), aborted);
                continue;
            }
            text.Write(buffer, 0, message.Count);
            if (!message.EndOfMessage) continue;
            var type = ControlType(text.ToArray());
            text.SetLength(0);
            if (type == "Finalize") commands.Writer.TryWrite(new FinalizeCommand());
            if (type == "CloseStream") { await CloseStreamAsync(input); return; }
        }
    }

    /// <summary>False when nothing arrives within the idle timeout counted from <paramref name="lastHeard"/>.</summary>
    private async Task<bool> ArrivesInTimeAsync(Task receiving, long lastHeard, CancellationToken aborted)
    {
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        var left = idleTimeout - clock.GetElapsedTime(lastHeard);
        var winner = await Task.WhenAny(receiving, Task.Delay(left > TimeSpan.Zero ? left : TimeSpan.Zero, clock, waiting.Token));
        await waiting.CancelAsync();
        aborted.ThrowIfCancellationRequested();
        return winner == receiving;
    }

    private async Task CloseStreamAsync(IStreamAudioInput input)
    {
        ending = "CloseStream";
        await input.CompleteAsync();
        commands.Writer.TryWrite(new CloseCommand(SendMetadata: true));
    }

    /// <summary>After the server's close frame, the client answers with its own; the connection ends then (or after a grace period).</summary>
    private async Task AwaitClientCloseAsync()
    {
        if (socket.State != WebSocketState.CloseSent) return;
        try
        {
            var buffer = new byte[1024];
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            while ((await socket.ReceiveAsync(buffer.AsMemory(), grace.Token)).MessageType != WebSocketMessageType.Close) { }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
        }
    }

    /// <summary>KeepAlive, Finalize or CloseStream; anything else is ignored, as Deepgram does with unknown types.</summary>
    private static string? ControlType(byte[] json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("type", out var type)
                && type.ValueKind == JsonValueKind.String ? type.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private async Task ConsumeAsync(StreamSender sender, DateTimeOffset created)
    {
        var events = new List<LiveEvent>();
        await foreach (var command in commands.Reader.ReadAllAsync())
        {
            events.Clear();
            switch (command)
            {
                case AudioCommand audio:
                    recording?.Append(audio.Pcm);
                    recognizer.Accept(audio.Pcm, events);
                    break;
                case FinalizeCommand:
                    recognizer.Finalize(events);
                    break;
                case UndecodableCommand:
                    ending = "undecodable audio (DATA-0000)";
                    await sender.CloseAsync(WebSocketCloseStatus.ProtocolError, UndecodableReason);
                    break;
                case CloseCommand close:
                    recognizer.Close(events);
                    foreach (var live in events) await sender.SendAsync(results.ToMessage(live));
                    if (close.SendMetadata) await sender.SendAsync(results.Metadata(Convert.ToHexStringLower(hash.GetHashAndReset()), created, recognizer.Seconds));
                    return;
            }
            foreach (var live in events) await sender.SendAsync(results.ToMessage(live));
        }
    }
}
