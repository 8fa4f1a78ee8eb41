using VoiceNote.Modules.Identity.Domain;

namespace VoiceNote.Modules.Identity.Application.OAuth.Clients;

/// <summary>A partner client as its owner sees it: never the secret, never its hash.</summary>
internal sealed record OAuthClientDto(
    Guid Id,
    string ClientId,
    string Name,
    IReadOnlyList<string> Scopes,
    bool Enabled,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? LastUsedAt)
{
    public static OAuthClientDto From(OAuthClient client) =>
        new(client.Id, client.ClientId, client.Name, client.Scopes, client.Enabled, client.CreatedAt, client.UpdatedAt, client.LastUsedAt);
}

/// <summary>The answer to creating a client or rotating its secret: the only time the secret is ever shown.</summary>
internal sealed record IssuedOAuthClientDto(
    Guid Id,
    string ClientId,
    string ClientSecret,
    string Name,
    IReadOnlyList<string> Scopes,
    bool Enabled,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? LastUsedAt)
{
    public static IssuedOAuthClientDto From(OAuthClient client, string secret) =>
        new(client.Id, client.ClientId, secret, client.Name, client.Scopes, client.Enabled, client.CreatedAt, client.UpdatedAt, client.LastUsedAt);

    public override string ToString() => $"IssuedOAuthClientDto {{ ClientId = {ClientId}, ClientSecret = (hidden) }}";
}
