using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using VoiceNote.Infrastructure.Storage;

namespace VoiceNote.Infrastructure.Crypto;

/// <summary>
/// The master keys by id. The id is the first 8 hex characters of the key's SHA-256, so envelopes name
/// their key without revealing it, and a rotated-out key still opens old envelopes.
/// </summary>
internal sealed class MasterKeyRing
{
    private readonly Dictionary<string, byte[]> _keys = new(StringComparer.Ordinal);

    public MasterKeyRing(IOptions<SecretsOptions> options, IOptions<StorageOptions> storage)
    {
        var settings = options.Value;
        var keyFile = settings.KeyFileBeside(storage.Value.Root);
        var current = settings.MasterKey is { Length: > 0 } configured
            ? Decode(configured)
            : LoadOrCreateKeyFile(keyFile);
        CurrentId = Add(current);
        foreach (var previous in settings.PreviousMasterKeys.Concat(MasterKeyVault.ReadPreviousKeys(keyFile)))
        {
            Add(Decode(previous));
        }
    }

    public string CurrentId { get; }

    public byte[] Current => _keys[CurrentId];

    public byte[]? Find(string keyId) => _keys.GetValueOrDefault(keyId);

    /// <summary>Every key this host can decrypt with, the current one first.</summary>
    public IReadOnlyList<byte[]> All => [Current, .. _keys.Where(k => k.Key != CurrentId).Select(k => k.Value)];

    private string Add(byte[] key)
    {
        var id = Convert.ToHexStringLower(SHA256.HashData(key))[..8];
        _keys[id] = key;
        return id;
    }

    internal static byte[] Decode(string base64)
    {
        var key = Convert.FromBase64String(base64);
        return key.Length == 32 ? key : throw new InvalidOperationException("A master key must be 32 bytes (base64 of 32 random bytes).");
    }

    private static byte[] LoadOrCreateKeyFile(string full)
    {
        if (File.Exists(full))
        {
            return Decode(File.ReadAllText(full).Trim());
        }

        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var key = RandomNumberGenerator.GetBytes(32);
        try
        {
            // CreateNew: two processes starting at once must not both write a different key.
            using var stream = new FileStream(full, FileMode.CreateNew, FileAccess.Write, FileShare.None);
            using var writer = new StreamWriter(stream);
            writer.Write(Convert.ToBase64String(key));
        }
        catch (IOException) when (File.Exists(full))
        {
            return Decode(File.ReadAllText(full).Trim());
        }

        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(full, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return key;
    }
}
