using VoiceNote.Modules.Identity.Domain;

namespace VoiceNote.Modules.Identity.Application.ApiKeys;

/// <summary>What a user may see of a stored key: which provider, its last four characters, when. Never the key.</summary>
internal sealed record ApiKeyDto(string Provider, string LastFour, string? BaseUrl, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static ApiKeyDto From(StoredApiKey key) =>
        new(ApiKeyProviderNames.Of(key.Provider), key.LastFour, key.BaseUrl, key.CreatedAt, key.UpdatedAt);
}
