namespace VoiceNote.Infrastructure.Security;

/// <summary>The claim names the API reads from an access token.</summary>
public static class VoiceNoteClaims
{
    public const string Subject = "sub";
    public const string Scope = "scope";
    public const string Permission = "perm";
    public const string SessionId = "sid";
    public const string ClientId = "client_id";
}
