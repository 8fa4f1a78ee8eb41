using Microsoft.Extensions.Options;
using VoiceNote.Infrastructure.Storage;

namespace VoiceNote.Infrastructure.Crypto;

/// <summary>
/// The master keys as a backup carries them and a restore puts them back (ADR 0088): the current key goes to the
/// key file (<see cref="SecretsOptions.KeyFileBeside"/>), earlier ones to <c>&lt;key file&gt;.previous</c>, one per line,
/// which the key ring reads beside <c>Secrets:PreviousMasterKeys</c>.
/// </summary>
public sealed class MasterKeyVault
{
    private readonly Func<MasterKeyRing> _ring;
    private readonly SecretsOptions _secrets;

    internal MasterKeyVault(Func<MasterKeyRing> ring, IOptions<SecretsOptions> secrets, IOptions<StorageOptions> storage)
    {
        _ring = ring;
        _secrets = secrets.Value;
        KeyFile = secrets.Value.KeyFileBeside(storage.Value.Root);
    }

    public string KeyFile { get; }

    /// <summary>Every key this host decrypts with, the current one first (the ring is built, and a key file created, only now).</summary>
    public IReadOnlyList<byte[]> Export() => _ring().All;

    /// <summary>Why these keys cannot be installed here, or null: another key already in place must never be overwritten.</summary>
    public string? Conflict(IReadOnlyList<byte[]> keys)
    {
        if (_secrets.MasterKey is { Length: > 0 } configured && !MasterKeyRing.Decode(configured).AsSpan().SequenceEqual(keys[0]))
        {
            return "Secrets:MasterKey is set to another key than the archive's: unset it, so that the restored key file is used.";
        }

        if (File.Exists(KeyFile) && !MasterKeyRing.Decode(File.ReadAllText(KeyFile).Trim()).AsSpan().SequenceEqual(keys[0]))
        {
            return $"A different master key already exists at {KeyFile}: restore only into a fresh installation (move that file away first).";
        }

        return null;
    }

    /// <summary>Writes the keys (0600), the current one to the key file; an identical key file already there stays.</summary>
    public void Install(IReadOnlyList<byte[]> keys)
    {
        if (Conflict(keys) is { } conflict)
        {
            throw new InvalidOperationException(conflict);
        }

        if (!File.Exists(KeyFile))
        {
            Write(KeyFile, Convert.ToBase64String(keys[0]));
        }

        if (keys.Count > 1)
        {
            Write(KeyFile + ".previous", string.Join('\n', keys.Skip(1).Select(Convert.ToBase64String)) + "\n");
        }
    }

    internal static IEnumerable<string> ReadPreviousKeys(string keyFile) =>
        File.Exists(keyFile + ".previous")
            ? File.ReadAllLines(keyFile + ".previous").Select(l => l.Trim()).Where(l => l.Length > 0)
            : [];

    private static void Write(string path, string content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var stream = new FileStream(path, options);
        using var writer = new StreamWriter(stream);
        writer.Write(content);
    }
}
