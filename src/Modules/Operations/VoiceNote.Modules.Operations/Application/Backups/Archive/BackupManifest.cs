namespace VoiceNote.Modules.Operations.Application.Backups.Archive;

/// <summary>
/// What an archive holds (ADR 0088): written as <c>manifest.json</c> after every other entry, and authenticated by
/// <c>manifest.hmac</c> with a key derived from the operator's passphrase, so no entry can change unnoticed.
/// </summary>
internal sealed record BackupManifest(
    int Format,
    string AppVersion,
    DateTimeOffset CreatedAt,
    string ServerVersion,
    IReadOnlyList<ModuleMigrations> Modules,
    IReadOnlyList<ArchiveEntry> Entries,
    SealedKeys Keys)
{
    public const int CurrentFormat = 1;
}

/// <summary>The migrations a module had applied when the snapshot was taken.</summary>
internal sealed record ModuleMigrations(string Name, string Schema, IReadOnlyList<string> Migrations);

/// <summary>One entry of the tar file, with its size and SHA-256 (lower-case hex).</summary>
internal sealed record ArchiveEntry(string Name, long Size, string Sha256);

/// <summary>The master keys, AES-256-GCM under a key derived from the passphrase (PBKDF2-SHA256).</summary>
internal sealed record SealedKeys(string Kdf, int Iterations, string Salt, string Nonce, string Tag, string Ciphertext);

/// <summary>Names inside the tar file.</summary>
internal static class ArchiveLayout
{
    public const string Dump = "database.dump";
    public const string StoragePrefix = "storage/";
    public const string Manifest = "manifest.json";
    public const string ManifestMac = "manifest.hmac";
}
