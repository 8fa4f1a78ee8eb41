using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace VoiceNote.Infrastructure.Outbound;

/// <summary>What the guard decided about a URL before anything is sent to it.</summary>
public sealed record OutboundVerdict(bool Allowed, string? Reason)
{
    public static readonly OutboundVerdict Allow = new(true, null);

    public static OutboundVerdict Refuse(string reason) => new(false, reason);
}

/// <summary>
/// Keeps user-chosen URLs off this machine and the networks behind it (docs/decisions/0065). The same rule
/// runs twice: when a URL is saved (<see cref="CheckAsync"/>, every address the host resolves to) and on every
/// connection the guarded client opens (<see cref="ConnectAsync"/>, which resolves the host itself and connects
/// only to an address it has checked, so a name that resolves differently later, DNS rebinding included,
/// gains nothing). A host on the operator's <see cref="OutboundOptions.AllowedHosts"/> is exempt.
/// </summary>
public sealed class OutboundGuard(IOptionsMonitor<OutboundOptions> options, ILogger<OutboundGuard> logger)
{
    public const string RefusedAddressReason =
        "The host resolves to a loopback, private or link-local address, which this server does not call. An operator can allow the host with Engines:AllowedHosts.";

    public const string UnresolvedReason = "The host name cannot be resolved.";

    /// <summary>Whether the operator allowed <paramref name="host"/> (as written in the URL) on <paramref name="port"/>.</summary>
    public bool IsAllowListed(string host, int port)
    {
        var bare = Bare(host);
        foreach (var entry in options.CurrentValue.AllowedHosts)
        {
            if (Parse(entry) is { } allowed
                && string.Equals(allowed.Host, bare, StringComparison.OrdinalIgnoreCase)
                && (allowed.Port is null || allowed.Port == port))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The save-time check: an absolute http(s) URL whose host is allow-listed, or resolves only to addresses
    /// the guard lets through. A name that does not resolve is refused too.
    /// </summary>
    public async Task<OutboundVerdict> CheckAsync(Uri url, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        var host = Bare(url.Host);
        if (IsAllowListed(host, url.Port))
        {
            return OutboundVerdict.Allow;
        }

        IPAddress[] addresses;
        try
        {
            addresses = await ResolveAsync(host, cancellationToken).ConfigureAwait(false);
        }
        catch (SocketException exception)
        {
            logger.LogInformation("Outbound check: {Host} does not resolve ({Error})", host, exception.SocketErrorCode);
            return OutboundVerdict.Refuse(UnresolvedReason);
        }

        if (addresses.Length == 0)
        {
            return OutboundVerdict.Refuse(UnresolvedReason);
        }

        if (addresses.FirstOrDefault(RefusedAddresses.IsRefused) is { } refused)
        {
            logger.LogInformation("Outbound check: {Host} resolves to {Address}, a refused range", host, refused);
            return OutboundVerdict.Refuse(RefusedAddressReason);
        }

        return OutboundVerdict.Allow;
    }

    /// <summary>
    /// The guarded client's <see cref="SocketsHttpHandler.ConnectCallback"/>: resolves the host, drops every
    /// refused address, and connects to what is left; none left is <see cref="OutboundAddressRefusedException"/>.
    /// </summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var host = Bare(context.DnsEndPoint.Host);
        var port = context.DnsEndPoint.Port;
        var addresses = await ResolveAsync(host, cancellationToken).ConfigureAwait(false);
        if (!IsAllowListed(host, port))
        {
            var usable = addresses.Where(a => !RefusedAddresses.IsRefused(a)).ToArray();
            if (usable.Length == 0)
            {
                logger.LogWarning(
                    "Outbound connection to {Host}:{Port} refused: it resolves to {Addresses}, not allowed by Engines:AllowedHosts",
                    host, port, string.Join(", ", addresses.Select(a => a.ToString())));
                throw new OutboundAddressRefusedException(host);
            }

            addresses = usable;
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            // The handler's ConnectTimeout bounds this, the resolution above included.
            await socket.ConnectAsync(addresses, port, cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static async Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken) =>
        IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);

    /// <summary>A host without the brackets of an IPv6 literal and without a trailing dot.</summary>
    private static string Bare(string host) => host.Trim().TrimStart('[').TrimEnd(']').TrimEnd('.');

    /// <summary>"host", "host:port", "[v6]:port" or a bare IPv6 literal.</summary>
    private static (string Host, int? Port)? Parse(string entry)
    {
        var text = entry?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (text.StartsWith('['))
        {
            var close = text.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                return null;
            }

            var rest = text[(close + 1)..];
            int? port = rest.StartsWith(':') && int.TryParse(rest[1..], out var p) ? p : null;
            return (Bare(text[..(close + 1)]), port);
        }

        var colon = text.LastIndexOf(':');
        if (colon > 0 && text.IndexOf(':', StringComparison.Ordinal) == colon && int.TryParse(text[(colon + 1)..], out var hostPort))
        {
            return (Bare(text[..colon]), hostPort);
        }

        return (Bare(text), null);
    }
}

/// <summary>The guard refused to connect: the host resolves only to addresses a user-chosen URL may not reach.</summary>
public sealed class OutboundAddressRefusedException(string host)
    : Exception($"The host {host} resolves only to addresses this server does not call.")
{
    public string Host { get; } = host;
}

/// <summary>An answer longer than the caller's limit: nothing past the limit was read.</summary>
public sealed class OutboundAnswerTooLargeException(long limit)
    : Exception($"The answer is longer than {limit} bytes.")
{
    public long Limit { get; } = limit;
}
