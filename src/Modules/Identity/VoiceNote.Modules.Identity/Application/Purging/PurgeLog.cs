using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using VoiceNote.Infrastructure.Storage;

namespace VoiceNote.Modules.Identity.Application.Purging;

/// <summary>Where the purge log lives (<c>Retention:PurgeLogPath</c>) and how long deleted accounts wait (<c>Identity:DeletedUserRetentionDays</c>).</summary>
internal sealed class PurgeLogOptions
{
    public const string Section = "Retention";

    /// <summary>Unset, <c>keys/purged-users.log</c> beside the storage root, next to the master key (ADR 0068, 0085).</summary>
    public string? PurgeLogPath { get; set; }
}

internal sealed class DeletedUserOptions
{
    public const string Section = "Identity";

    /// <summary>How long a soft-deleted account can still be restored before the <c>users.deleted</c> rule purges it.</summary>
    public int DeletedUserRetentionDays { get; set; } = 30;
}

/// <summary>
/// The append-only list of purged account ids and times (ADR 0085), outside the database and the storage root, so a
/// restored backup cannot bring a purged user back: every start (and <c>replay-purges</c>) purges again each listed
/// account the database still holds. It holds no personal data: an id and a time per line.
/// </summary>
internal sealed class PurgeLog(IOptions<PurgeLogOptions> options, IOptions<StorageOptions> storage)
{
    private static readonly SemaphoreSlim Gate = new(1, 1);

    public string FilePath => Path.GetFullPath(options.Value.PurgeLogPath is { Length: > 0 } configured
        ? configured
        : Path.Combine(Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(storage.Value.FullRoot))!, "keys", "purged-users.log"));

    /// <summary>Appends one line and forces it to disk before returning: the purge commits only after this.</summary>
    public async Task AppendAsync(Guid userId, DateTimeOffset purgedAt, CancellationToken cancellationToken)
    {
        var path = FilePath;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var line = Encoding.UTF8.GetBytes($"{userId:D} {purgedAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)}\n");
        await Gate.WaitAsync(cancellationToken);
        try
        {
            await using var file = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite, 4096, FileOptions.WriteThrough);
            await file.WriteAsync(line, cancellationToken);
            file.Flush(flushToDisk: true);
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>Every id in the log (a torn last line, from a crash mid-append, is skipped).</summary>
    public async Task<IReadOnlyList<Guid>> ReadAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(FilePath))
        {
            return [];
        }

        var lines = await File.ReadAllLinesAsync(FilePath, cancellationToken);
        return lines.Select(l => l.Split(' ', 2)[0]).Select(id => Guid.TryParse(id, out var parsed) ? parsed : Guid.Empty)
            .Where(id => id != Guid.Empty).Distinct().ToList();
    }
}
