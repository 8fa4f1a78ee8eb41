namespace VoiceNote.Infrastructure.Crypto;

/// <summary>Bound from "Secrets". The master key comes from configuration or a key file created on first run.</summary>
public sealed class SecretsOptions
{
    public const string Section = "Secrets";

    /// <summary>Base64 of 32 random bytes; when set, it is the current master key.</summary>
    public string? MasterKey { get; set; }

    /// <summary>Earlier master keys (base64), still accepted for decryption during a rotation.</summary>
    public List<string> PreviousMasterKeys { get; set; } = [];

    /// <summary>Where the master key is kept when none is configured (created 0600 on first run).</summary>
    public string MasterKeyFile { get; set; } = ".data/keys/master.key";
}
