using Mapster;
using VoiceNote.Modules.Identity.Application.Common;
using VoiceNote.Modules.Identity.Contracts;
using VoiceNote.Modules.Identity.Domain;

namespace VoiceNote.Modules.Identity.Application.ApiKeys;

/// <summary>What a user may see of a stored key: which provider, its last four characters, when. Never the key.</summary>
internal sealed record ApiKeyDto
{
    public required ApiKeyProvider Provider { get; init; }

    public required string LastFour { get; init; }

    public required string? BaseUrl { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public static ApiKeyDto From(StoredApiKey key) => key.Adapt<ApiKeyDto>(IdentityMappings.Config);
}

/// <summary>Every member matches the key's by name; the ciphertext has no member here, so it is never read for a list.</summary>
internal sealed class ApiKeyDtoMapping : IRegister
{
    public void Register(TypeAdapterConfig config) => config.NewConfig<StoredApiKey, ApiKeyDto>();
}
