using VoiceNote.Application.Embeddings;
using VoiceNote.Domain.Primitives;
using VoiceNote.Modules.Identity.Contracts;

namespace VoiceNote.Modules.Notes.Infrastructure.Embeddings;

/// <summary>A note owner's own OpenAI (or OpenAI-compatible) key, read through the Identity module's facade.</summary>
internal sealed class IdentityEmbeddingCredentials(IIdentityModule identity) : IEmbeddingCredentials
{
    public async Task<EmbeddingCredential?> ForOwnerAsync(UserId owner, CancellationToken cancellationToken)
    {
        var stored = await identity.GetProviderCredentialAsync(owner, ApiKeyProvider.OpenAi, cancellationToken)
            ?? await identity.GetProviderCredentialAsync(owner, ApiKeyProvider.OpenAiCompatible, cancellationToken);
        return stored is null ? null : new EmbeddingCredential(stored.ApiKey, stored.BaseUrl);
    }
}
