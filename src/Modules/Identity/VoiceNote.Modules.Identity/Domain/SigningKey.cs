namespace VoiceNote.Modules.Identity.Domain;

/// <summary>
/// A token signing key (ECDSA P-256). The private key is stored encrypted with the master key; the
/// newest active key signs, retired keys keep validating until their tokens have expired.
/// </summary>
internal sealed class SigningKey
{
    public string KeyId { get; set; } = string.Empty;

    public string Algorithm { get; set; } = "ES256";

    public byte[] EncryptedPrivateKey { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? RetiredAt { get; set; }
}
