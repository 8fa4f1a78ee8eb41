using VoiceNote.Domain.Primitives;
using VoiceNote.Modules.Identity.Contracts;

namespace VoiceNote.Modules.Identity.Domain;

/// <summary>A user's third-party API key, AES-256-GCM encrypted (ADR 0012); only its last four characters are ever shown.</summary>
internal sealed class StoredApiKey : IOwnedByUser
{
    public Guid Id { get; set; }

    public UserId OwnerId { get; set; }

    public ApiKeyProvider Provider { get; set; }

    public byte[] Ciphertext { get; set; } = [];

    public string LastFour { get; set; } = string.Empty;

    /// <summary>For OpenAI-compatible servers (self-hosted Whisper, LocalAI …).</summary>
    public string? BaseUrl { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The associated data that binds the ciphertext to its owner and provider.</summary>
    public static string Purpose(UserId owner, ApiKeyProvider provider) => $"identity.api_key:{owner}:{provider}";
}
