using System.Security.Cryptography;
using System.Text;

namespace VoiceNote.Modules.Operations.Application.Backups.Archive;

/// <summary>
/// Keys derived from the operator's passphrase: the first half seals the master keys (AES-256-GCM), the second
/// authenticates the manifest (HMAC-SHA256). A wrong passphrase fails the seal's tag, so it is told apart from tampering.
/// </summary>
internal sealed class Passphrase
{
    public const int MinimumLength = 12;
    public const string Kdf = "PBKDF2-SHA256";

    /// <summary>OWASP's 2023 figure for PBKDF2-HMAC-SHA256: the archive may sit where anyone can try passphrases offline.</summary>
    public const int Iterations = 600_000;

    private static readonly byte[] SealContext = Encoding.ASCII.GetBytes("voicenote-backup-keys-v1");

    private readonly byte[] _sealKey;
    private readonly byte[] _macKey;

    private Passphrase(byte[] derived)
    {
        _sealKey = derived[..32];
        _macKey = derived[32..];
    }

    public byte[] Salt { get; private init; } = [];

    public int IterationCount { get; private init; }

    public static Passphrase Derive(string passphrase, byte[] salt, int iterations) =>
        new(Rfc2898DeriveBytes.Pbkdf2(passphrase, salt, iterations, HashAlgorithmName.SHA256, 64)) { Salt = salt, IterationCount = iterations };

    public static Passphrase New(string passphrase) => Derive(passphrase, RandomNumberGenerator.GetBytes(16), Iterations);

    public SealedKeys Seal(IReadOnlyList<byte[]> keys)
    {
        var plaintext = keys.SelectMany(k => k).ToArray();
        var nonce = RandomNumberGenerator.GetBytes(12);
        var ciphertext = new byte[plaintext.Length];
        var tag = new byte[16];
        using (var aes = new AesGcm(_sealKey, tag.Length))
        {
            aes.Encrypt(nonce, plaintext, ciphertext, tag, SealContext);
        }

        CryptographicOperations.ZeroMemory(plaintext);
        return new SealedKeys(Kdf, IterationCount, Convert.ToBase64String(Salt), Convert.ToBase64String(nonce), Convert.ToBase64String(tag), Convert.ToBase64String(ciphertext));
    }

    /// <summary>The master keys (current first), or null when the passphrase is not the one the archive was made with.</summary>
    public IReadOnlyList<byte[]>? Open(SealedKeys sealedKeys)
    {
        var ciphertext = Convert.FromBase64String(sealedKeys.Ciphertext);
        var plaintext = new byte[ciphertext.Length];
        try
        {
            using var aes = new AesGcm(_sealKey, 16);
            aes.Decrypt(Convert.FromBase64String(sealedKeys.Nonce), ciphertext, Convert.FromBase64String(sealedKeys.Tag), plaintext, SealContext);
        }
        catch (AuthenticationTagMismatchException)
        {
            return null;
        }

        return plaintext.Chunk(32).ToList();
    }

    public string Mac(byte[] manifest) => Convert.ToHexStringLower(HMACSHA256.HashData(_macKey, manifest));

    public bool Verify(byte[] manifest, string mac) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Mac(manifest)), Encoding.ASCII.GetBytes(mac.Trim()));
}
