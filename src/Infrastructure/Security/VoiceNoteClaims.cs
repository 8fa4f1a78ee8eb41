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

    /// <summary>The product's own apps (seeded OAuth clients); every other client is a partner's.</summary>
    public static IReadOnlyList<string> FirstPartyClients { get; } = [VoiceNoteClients.App, VoiceNoteClients.Web];

    /// <summary>The partner client a token was issued to, or null for the product's own apps.</summary>
    public static string? PartnerClientId(ClaimsPrincipal? principal) =>
        principal?.FindFirst(ClientId)?.Value is { } client && !FirstPartyClients.Contains(client, StringComparer.Ordinal) ? client : null;

    /// <summary>A person signed in to one of the product's own apps, not a partner acting for them.</summary>
    public static bool IsInteractive(ClaimsPrincipal? principal) =>
        principal?.FindFirst(SessionId) is not null && PartnerClientId(principal) is null;

    /// <summary>Whether the token grants a scope; "scope" is one space-separated claim (RFC 8693 style).</summary>
    public static bool HasScope(ClaimsPrincipal? principal, string scope) =>
        principal?.FindAll(Scope).Any(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(scope, StringComparer.Ordinal)) == true;
}
