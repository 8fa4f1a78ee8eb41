using System.Security.Cryptography;
using System.Text;
using VoiceNote.Application.Crypto;

namespace VoiceNote.Infrastructure.Crypto;

/// <summary>
/// AES-256-GCM in a versioned envelope: <c>version(1) | keyIdLength(1) | keyId | nonce(12) | tag(16) | ciphertext</c>.
/// The purpose is the associated data: authenticated, not stored.
/// </summary>
internal sealed class AesGcmSecretProtector(MasterKeyRing keys) : ISecretProtector
{
    private const byte Version = 1;
    private const int NonceSize = 12;
    private const int TagSize = 16;

    public byte[] Protect(ReadOnlySpan<byte> plaintext, string purpose)
    {
        var keyId = Encoding.ASCII.GetBytes(keys.CurrentId);
        var envelope = new byte[2 + keyId.Length + NonceSize + TagSize + plaintext.Length];
        envelope[0] = Version;
        envelope[1] = (byte)keyId.Length;
        keyId.CopyTo(envelope, 2);
        var offset = 2 + keyId.Length;
        var nonce = envelope.AsSpan(offset, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(keys.Current, TagSize);
        aes.Encrypt(nonce, plaintext, envelope.AsSpan(offset + NonceSize + TagSize), envelope.AsSpan(offset + NonceSize, TagSize), Encoding.UTF8.GetBytes(purpose));
        return envelope;
    }

    public byte[] Unprotect(ReadOnlySpan<byte> envelope, string purpose)
    {
        if (envelope.Length < 2 || envelope[0] != Version || envelope.Length < 2 + envelope[1] + NonceSize + TagSize)
        {
            throw new CryptographicException("Not a VoiceNote secret envelope.");
        }

        var keyIdLength = envelope[1];
        var keyId = Encoding.ASCII.GetString(envelope.Slice(2, keyIdLength));
        var key = keys.Find(keyId) ?? throw new CryptographicException(
            $"A stored secret was encrypted with master key '{keyId}', which this server does not have. Restore the key file "
            + "(Secrets:MasterKeyFile) from the backup taken with the database, or list the old key in Secrets:PreviousMasterKeys.");
        var offset = 2 + keyIdLength;
        var plaintext = new byte[envelope.Length - offset - NonceSize - TagSize];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(envelope.Slice(offset, NonceSize), envelope[(offset + NonceSize + TagSize)..], envelope.Slice(offset + NonceSize, TagSize), plaintext, Encoding.UTF8.GetBytes(purpose));
        return plaintext;
    }
}
