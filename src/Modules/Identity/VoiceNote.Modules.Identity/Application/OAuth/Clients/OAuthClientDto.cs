using Mapster;
using VoiceNote.Modules.Identity.Application.Common;
using VoiceNote.Modules.Identity.Domain;

namespace VoiceNote.Modules.Identity.Application.OAuth.Clients;

/// <summary>A partner client as its owner sees it: never the secret, never its hash.</summary>
internal sealed record OAuthClientDto
{
    public required Guid Id { get; init; }

    public required string ClientId { get; init; }

    public required string Name { get; init; }

    public required IReadOnlyList<string> Scopes { get; init; }

    public required IReadOnlyList<string> RedirectUris { get; init; }

    public required bool Enabled { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public required DateTimeOffset? LastUsedAt { get; init; }

    public static OAuthClientDto From(OAuthClient client) => client.Adapt<OAuthClientDto>(IdentityMappings.Config);
}

/// <summary>Every member matches by name; the secret's hash has no member here.</summary>
internal sealed class OAuthClientDtoMapping : IRegister
{
    public void Register(TypeAdapterConfig config) => config.NewConfig<OAuthClient, OAuthClientDto>();
}

/// <summary>
/// The answer to creating a client or rotating its secret: the only time the secret is ever shown. Mapped
/// by hand (docs/decisions/0003): the secret comes from the command, not from the stored client.
/// </summary>
internal sealed record IssuedOAuthClientDto(
    Guid Id,
    string ClientId,
    string ClientSecret,
    string Name,
    IReadOnlyList<string> Scopes,
    IReadOnlyList<string> RedirectUris,
    bool Enabled,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? LastUsedAt)
{
    public static IssuedOAuthClientDto From(OAuthClient client, string secret) =>
        new(client.Id, client.ClientId, secret, client.Name, client.Scopes, client.RedirectUris, client.Enabled, client.CreatedAt, client.UpdatedAt, client.LastUsedAt);

    public override string ToString() => $"IssuedOAuthClientDto {{ ClientId = {ClientId}, ClientSecret = (hidden) }}";
}
