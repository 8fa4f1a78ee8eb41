namespace VoiceNote.Modules.Operations.Application.Backups.Archive;

/// <summary>Storage keys as an archive names them: relative, '/'-separated, never climbing out of the storage root.</summary>
internal static class StorageKeys
{
    public static string Checked(string key)
    {
        var normalized = key.Replace('\\', '/');
        if (normalized.Length == 0 || normalized.StartsWith('/') || Path.IsPathRooted(normalized)
            || normalized.Split('/').Any(part => part is "" or "." or ".."))
        {
            throw new BackupException($"'{key}' is not a storage key under the storage root.");
        }

        return normalized;
    }
}
