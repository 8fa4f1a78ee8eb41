namespace VoiceNote.Application.Crypto;

/// <summary>
/// Encrypts small secrets (third-party API keys, signing keys) for storage. The master key never
/// lives in the database; the purpose binds a ciphertext to its place, so a value
/// copied into another row or column does not decrypt.
/// </summary>
public interface ISecretProtector
{
    byte[] Protect(ReadOnlySpan<byte> plaintext, string purpose);

    /// <exception cref="System.Security.Cryptography.CryptographicException">tampered, wrong purpose, or unknown key id</exception>
    byte[] Unprotect(ReadOnlySpan<byte> envelope, string purpose);
}
