namespace VoiceNote.Modules.Operations.Application.Backups;

/// <summary>Bound from "Backup" (ADR 0088, docs/operations.md).</summary>
public sealed class BackupOptions
{
    public const string Section = "Backup";

    /// <summary>Where the backup and restore verbs read the passphrase when no <c>--passphrase-file</c> is given.</summary>
    public const string PassphraseVariable = "VOICENOTE_BACKUP_PASSPHRASE";

    /// <summary>The folder of pg_dump and pg_restore; unset, the server's major version picks /usr/lib/postgresql/&lt;major&gt;/bin, else PATH.</summary>
    public string? PostgresBinDirectory { get; set; }

    /// <summary>How many fresh snapshots a backup tries when files its rows name vanish meanwhile (moved or deleted).</summary>
    public int SnapshotAttempts { get; set; } = 5;

    /// <summary>Scheduled backups keep the newest of each of this many most recent days.</summary>
    public int KeepDaily { get; set; } = 7;

    /// <summary>… and the newest of each of this many most recent ISO weeks.</summary>
    public int KeepWeekly { get; set; } = 4;

    public BackupScheduleOptions Schedule { get; set; } = new();
}

/// <summary>"Backup:Schedule": off by default; a time of day (UTC) or an interval.</summary>
public sealed class BackupScheduleOptions
{
    public bool Enabled { get; set; }

    /// <summary>Daily at this UTC time (e.g. "03:00"); ignored when <see cref="Interval"/> is set.</summary>
    public TimeOnly TimeOfDay { get; set; } = new(3, 0);

    /// <summary>Every this long instead of daily (e.g. "06:00:00").</summary>
    public TimeSpan? Interval { get; set; }

    /// <summary>Where scheduled archives are written (and pruned).</summary>
    public string Directory { get; set; } = ".data/backups";

    /// <summary>A file holding the passphrase (else <see cref="BackupOptions.PassphraseVariable"/>).</summary>
    public string? PassphraseFile { get; set; }
}
