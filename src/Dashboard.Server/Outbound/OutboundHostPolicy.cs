using System.Net;
using System.Net.Sockets;
using Dashboard.Server.Errors;
using Dashboard.Shared.Errors;
using Microsoft.Extensions.Options;

namespace Dashboard.Server.Outbound;

/// <summary>A host the server refused to connect to (it resolves to an internal address and is not allowed).</summary>
public sealed class OutboundRefusedException(string message) : Exception(message);

/// <summary>
/// Where the server may connect on a client's behalf (URL sources, callbacks, webhooks). The check runs in the
/// connection callback of the one outbound HttpClient, on the addresses actually about to be connected, so a
/// redirect or a DNS answer that changed since an earlier check cannot reach an internal address.
/// </summary>
/// <remarks>
/// A refusal tells the client only that the host is not allowed: the internal address it resolved to goes to the
/// server's log, never into an answer (it would map the operator's network for whoever asks).
/// </remarks>
public sealed class OutboundHostPolicy(IOptions<OutboundOptions> options, ILogger<OutboundHostPolicy> logger)
{
    public bool IsListed(string host) =>
        options.Value.AllowedPrivateHosts.Any(h => string.Equals(h.Trim().Trim('[', ']'), host.Trim('[', ']'), StringComparison.OrdinalIgnoreCase));

    /// <summary>Checks a URL a client gave us before accepting the request: a clear 400 now rather than a failure later.</summary>
    public async Task<Uri> EnsureAllowedAsync(string? url, string field, CancellationToken ct)
    {
        if (!Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.Host.Length == 0)
            throw ApiErrors.Validation(field, $"{field} must be an absolute http or https URL.");
        try
        {
            await AllowedAddressesAsync(uri.IdnHost, ct);
        }
        catch (OutboundRefusedException e)
        {
            throw Refused(field, uri, e.Message);
        }
        catch (SocketException)
        {
            throw ApiErrors.HostDoesNotResolve(field, uri.Host);
        }
        return uri;
    }

    public static ApiException Refused(string field, Uri uri, string why) =>
        new(400, "Bad Request", ErrorCodes.UrlNotAllowed, $"{field}: {why}",
            new Dictionary<string, object?> { ["field"] = field, ["host"] = uri.Host });

    /// <summary>The addresses of <paramref name="host"/> that may be connected; throws when any of them is internal and the host is not listed.</summary>
    public async Task<IPAddress[]> AllowedAddressesAsync(string host, CancellationToken ct)
    {
        var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, ct);
        if (addresses.Length == 0) throw new SocketException((int)SocketError.HostNotFound);
        if (!IsListed(host) && addresses.FirstOrDefault(a => !AddressRanges.IsPublic(a)) is { } internalAddress)
        {
            logger.LogWarning("Refused to connect to {Host}: it resolves to the internal address {Address}", host, internalAddress);
            throw new OutboundRefusedException(
                $"the host '{host}' is not allowed: the server does not connect to internal addresses, only to public ones " +
                "and to hosts the operator lists in Transcription:AllowedPrivateHosts.");
        }
        return addresses;
    }

    /// <summary>SocketsHttpHandler.ConnectCallback: resolve, check, then connect to one of the checked addresses.</summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        var addresses = await AllowedAddressesAsync(context.DnsEndPoint.Host, ct);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
