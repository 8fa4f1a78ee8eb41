using System.Security.Cryptography;
using FluentValidation;
using VoiceNote.Application.Security;
using VoiceNote.Modules.Identity.Application.Common;
using VoiceNote.Modules.Identity.Domain;
using VoiceNote.Modules.Identity.Infrastructure.Tokens;

namespace VoiceNote.Modules.Identity.Application.OAuth.Clients;

/// <summary>The rules and credentials of partner clients, shared by their use cases.</summary>
internal static class ClientRules
{
    public const int MaxNameLength = 100;
    private const string ClientIdPrefix = "vnc_";
    private const string SecretPrefix = "vncs_";

    public static IRuleBuilderOptions<T, string?> ValidClientName<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(n => n?.Trim() is { Length: >= 1 and <= MaxNameLength } trimmed && !trimmed.Any(char.IsControl))
            .WithMessage($"Use 1 to {MaxNameLength} characters, without control characters.")
            .StorableText();

    public static IRuleBuilderOptions<T, IReadOnlyList<string>?> ValidClientScopes<T>(this IRuleBuilder<T, IReadOnlyList<string>?> rule) =>
        rule.Must(s => s is { Count: > 0 }).WithMessage("Give the client at least one scope.")
            .Must(s => s is null || s.All(ApiScopes.IsKnown))
            .WithMessage($"Scopes are a subset of: {string.Join(' ', ApiScopes.All)}.");

    public const int MaxRedirectUris = 10;

    /// <summary>
    /// Redirect URIs are compared exactly (RFC 9700 §4.1.3), so they must be absolute, without a fragment
    /// (RFC 6749 §3.1.2), and https — or http on the loopback address, for native apps (RFC 8252 §7.3).
    /// </summary>
    public static IRuleBuilderOptions<T, IReadOnlyList<string>?> ValidRedirectUris<T>(this IRuleBuilder<T, IReadOnlyList<string>?> rule) =>
        rule.Must(uris => uris is null || uris.Count <= MaxRedirectUris).WithMessage($"Give at most {MaxRedirectUris} redirect URIs.")
            .Must(uris => uris is null || uris.All(IsAcceptableRedirectUri))
            .WithMessage("Each redirect URI is an absolute https URI without a fragment (http only for localhost or 127.0.0.1), at most 2,000 characters.");

    private static bool IsAcceptableRedirectUri(string? value) =>
        value is { Length: <= 2_000 } && Uri.TryCreate(value, UriKind.Absolute, out var uri) && string.IsNullOrEmpty(uri.Fragment)
        && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback));

    /// <summary>Distinct, in the API's own order, so equal grants look equal.</summary>
    public static List<string> NormalizeScopes(IEnumerable<string> scopes) =>
        ApiScopes.All.Where(s => scopes.Contains(s, StringComparer.Ordinal)).ToList();

    /// <summary>
    /// A client registered from a session gets at most that session's scopes: a token narrowed to
    /// notes:read must not mint a client with every scope (issue 10).
    /// </summary>
    public static bool WithinCallersScopes(IEnumerable<string> scopes, ICurrentUser caller) => scopes.All(caller.HasScope);

    /// <summary>A public client id: a prefix (so it is recognisable in logs and configs) and 128 random bits.</summary>
    public static string NewClientId() => ClientIdPrefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>Gives the client a new secret (256 random bits) and returns it; only its SHA-256 is kept.</summary>
    public static string NewSecret(OAuthClient client)
    {
        var secret = OpaqueTokens.New(SecretPrefix);
        client.SecretHash = OpaqueTokens.Hash(secret);
        return secret;
    }
}
