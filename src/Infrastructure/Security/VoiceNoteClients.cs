namespace VoiceNote.Infrastructure.Security;

/// <summary>
/// The OAuth clients the product itself ships, registered at start-up (docs/decisions/0059). Access
/// tokens name their client in <c>client_id</c> (RFC 9068); only these two count as a person's own session.
/// </summary>
public static class VoiceNoteClients
{
    /// <summary>Phone and first-party tools: the password grant (and the JSON sign-in that wraps it).</summary>
    public const string App = "voicenote-app";

    /// <summary>The web app we ship: authorization code with PKCE.</summary>
    public const string Web = "voicenote-web";

    /// <summary>The audience ("aud") of every access token: what a resource server checks it is for.</summary>
    public const string ApiAudience = "voicenote-api";
}
