using System.Security.Claims;

namespace VoiceNote.Infrastructure.Security;

/// <summary>The claim names the API reads from an access token.</summary>
public static class VoiceNoteClaims
{
    public const string Subject = "sub";
    public const string Scope = "scope";
    public const string Permission = "perm";
    public const string SessionId = "sid";
    public const string ClientId = "client_id";

    /// <summary>Whether the token grants a scope; "scope" is one space-separated claim (RFC 8693 style).</summary>
    public static bool HasScope(ClaimsPrincipal? principal, string scope) =>
        principal?.FindAll(Scope).Any(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(scope, StringComparer.Ordinal)) == true;
}
