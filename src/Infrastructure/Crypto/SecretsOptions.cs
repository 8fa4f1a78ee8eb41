namespace VoiceNote.Infrastructure.Crypto;

/// <summary>Bound from "Secrets". The master key comes from configuration or a key file created on first run.</summary>
public sealed class SecretsOptions
{
    public const string Section = "Secrets";

    /// <summary>Base64 of 32 random bytes; when set, it is the current master key.</summary>
    public string? MasterKey { get; set; }

    /// <summary>Earlier master keys (base64), still accepted for decryption during a rotation.</summary>
    public List<string> PreviousMasterKeys { get; set; } = [];

    /// <summary>
    /// Where the master key is kept when none is configured (created 0600 on first run). Unset, it is
    /// <c>keys/master.key</c> beside the storage root (never under the build output, which a clean build
    /// empties); Production refuses to start until one of the two is configured (ADR 0068).
    /// </summary>
    public string? MasterKeyFile { get; set; }

    /// <summary>The key file this host uses: the configured one, else the one beside the storage root.</summary>
    public string KeyFileBeside(string storageRoot) =>
        Path.GetFullPath(MasterKeyFile is { Length: > 0 } configured
            ? configured
            : Path.Combine(Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(storageRoot)))!, "keys", "master.key"));

    public bool IsConfigured => MasterKey is { Length: > 0 } || MasterKeyFile is { Length: > 0 };
}
