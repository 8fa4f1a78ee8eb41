namespace VoiceNote.Modules.Exports.Application.Common;

/// <summary>The <c>Exports</c> section: how long files are kept, and how much one user may ask for.</summary>
internal sealed class ExportsOptions
{
    public const string Section = "Exports";

    /// <summary>How long a finished export (its file and its row) is kept after it completed or failed (seed 004: 24 h).</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Exports one user may request in any hour.</summary>
    public int PerUserPerHour { get; set; } = 30;

    /// <summary>The largest file one export may write (an account export copies every recording: 20 GiB).</summary>
    public long MaxBytes { get; set; } = 20L << 30;

    /// <summary>A progress stream re-reads at least this often, even without a change notice.</summary>
    public TimeSpan ProgressCheckInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>A progress stream ends after this long; the client reconnects if it still cares.</summary>
    public TimeSpan ProgressStreamLifetime { get; set; } = TimeSpan.FromMinutes(30);
}
