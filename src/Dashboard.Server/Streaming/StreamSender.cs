using System.Net.WebSockets;
using System.Text.Json;

namespace Dashboard.Server.Streaming;

/// <summary>Sends on a stream's socket one message at a time (results and the close can come from different tasks).</summary>
public sealed class StreamSender(WebSocket socket) : IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private bool closed;

    public async Task SendAsync<T>(T message)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(message, StreamMessages.Json);
        await gate.WaitAsync();
        try
        {
            if (closed || socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived)) return;
            await socket.SendAsync(bytes, WebSocketMessageType.Text, true, CancellationToken.None);
        }
        catch (Exception e) when (e is WebSocketException or IOException or ObjectDisposedException or OperationCanceledException)
        {
            // the client has gone; the stream ends with its receive loop
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Sends the close frame once (later calls do nothing); the client's answering close ends the receive loop.</summary>
    public async Task CloseAsync(WebSocketCloseStatus status, string reason)
    {
        await gate.WaitAsync();
        try
        {
            if (closed || socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived)) return;
            closed = true;
            await socket.CloseOutputAsync(status, reason, CancellationToken.None);
        }
        catch (Exception e) when (e is WebSocketException or IOException or ObjectDisposedException or OperationCanceledException)
        {
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose() => gate.Dispose();
}
