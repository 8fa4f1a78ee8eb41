namespace VoiceNote.Infrastructure.Outbound;

/// <summary>
/// Bound from the "Engines" section: what the server's calls to engines may reach and read
/// (docs/decisions/0065). Read on every new connection, so a changed allow-list applies without a restart.
/// </summary>
public sealed class OutboundOptions
{
    public const string Section = "Engines";

    /// <summary>
    /// Hosts a user-chosen engine URL may name although they resolve to a loopback, private or link-local
    /// address (a self-hosted Whisper server on the LAN): exact host names or IP literals as written in the
    /// URL (<c>whisper.lan</c>, <c>10.0.0.5</c>, <c>::1</c>), optionally with a port (<c>whisper.lan:8000</c>,
    /// <c>[::1]:8000</c>); a host without a port is allowed on every port. Empty by default.
    /// </summary>
    public List<string> AllowedHosts { get; set; } = [];

    /// <summary>The largest 2xx answer read from an engine (transcription JSON of a long recording is a few MB).</summary>
    public long MaxAnswerBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>How long opening a connection may take, before the call's own timeout.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(15);
}
