namespace VoiceNote.Infrastructure.Storage;

/// <summary>Where files live on disk (audio, exports). Server-generated paths under this root only.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>The root folder; relative paths resolve against the working directory.</summary>
    public string Root { get; set; } = ".data/storage";

    /// <summary>Below this much free space under the root the instance reports itself not ready (1 GiB).</summary>
    public long MinFreeBytes { get; set; } = 1L << 30;

    /// <summary>The stale-file sweep of the storage folders.</summary>
    public StorageSweepOptions Sweep { get; set; } = new();

    public string FullRoot => Path.GetFullPath(Root);
}

/// <summary>
/// How often leftovers are removed (<c>Storage:Sweep</c>): temp files a crash left behind, and stored files
/// whose row never committed. Only files older than <see cref="GracePeriod"/> are touched, so an upload in
/// flight, between its file's move and its row's commit, is never mistaken for one.
/// </summary>
public sealed class StorageSweepOptions
{
    public bool Enabled { get; set; } = true;

    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(10);

    public TimeSpan GracePeriod { get; set; } = TimeSpan.FromHours(1);
}
