using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VoiceNote.Infrastructure.Storage;
using VoiceNote.Modules.AudioProcessing.Infrastructure.Persistence;

namespace VoiceNote.Modules.AudioProcessing.Infrastructure.Storage;

/// <summary>
/// Removes what crashes leave under <c>audio/</c> (layout in docs/decisions/0040), on a timer
/// (<c>Storage:Sweep</c>): temp uploads and half-decoded PCM (<c>*.part</c>), stored recordings whose row
/// never committed, and working folders of recordings that no longer exist. Only files older than the
/// grace period are candidates, and a stored file goes only when no row, in any state, carries the id
/// its name encodes: an upload between its file's move and its row's commit is young, so it is never
/// taken. Several processes may sweep at once; deleting twice is harmless.
/// </summary>
internal sealed class StaleFileSweeper(
    IServiceScopeFactory scopes,
    IOptions<StorageOptions> options,
    TimeProvider clock,
    ILogger<StaleFileSweeper> logger) : BackgroundService
{
    private readonly string _audio = Path.Combine(options.Value.FullRoot, "audio");
    private readonly StorageSweepOptions _sweep = options.Value.Sweep;

    /// <summary>One pass over the audio folders; returns how many files and folders it removed.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var before = clock.GetUtcNow().UtcDateTime - _sweep.GracePeriod;
        var removed = StaleParts(Path.Combine(_audio, "tmp"), before);
        removed += StaleParts(Path.Combine(_audio, "work"), before);

        // Stored files and working folders are named by the recording's id: those no row claims go.
        var candidates = StoredFiles(before).Concat(WorkFolders(before)).ToList();
        if (candidates.Count == 0)
        {
            return removed;
        }

        var ids = candidates.Select(c => c.Id).Distinct().ToList();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AudioProcessingDbContext>();
        var known = (await db.AudioFiles.IgnoreQueryFilters().AsNoTracking()
            .Where(a => ids.Contains(a.Id)).Select(a => a.Id).ToListAsync(cancellationToken)).ToHashSet();
        foreach (var (id, path) in candidates.Where(c => !known.Contains(c.Id)))
        {
            removed += Remove(path);
            logger.LogInformation("Removed {Path}: no recording {AudioId} was committed for it", path, id);
        }

        return removed;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_sweep.Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(_sweep.Interval, clock);
        do
        {
            try
            {
                var removed = await SweepAsync(stoppingToken);
                if (removed > 0)
                {
                    logger.LogInformation("The storage sweep removed {Count} stale files or folders", removed);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "The storage sweep failed; trying again at the next interval.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private static int StaleParts(string folder, DateTime before) =>
        Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*.part", SearchOption.AllDirectories)
                .Where(path => File.GetLastWriteTimeUtc(path) < before)
                .Sum(Remove)
            : 0;

    /// <summary><c>owners|cases|archive/&lt;folder&gt;/&lt;id&gt;.&lt;ext&gt;</c> older than the grace period; names that are not an id stay.</summary>
    private IEnumerable<(Guid Id, string Path)> StoredFiles(DateTime before) =>
        new[] { "owners", "cases", "archive" }
            .Select(area => Path.Combine(_audio, area))
            .Where(Directory.Exists)
            .SelectMany(area => Directory.EnumerateFiles(area, "*", SearchOption.AllDirectories))
            .Where(path => !path.EndsWith(".part", StringComparison.Ordinal) && File.GetLastWriteTimeUtc(path) < before)
            .Select(path => (Ok: Guid.TryParseExact(Path.GetFileNameWithoutExtension(path), "D", out var id), Id: id, Path: path))
            .Where(c => c.Ok)
            .Select(c => (c.Id, c.Path));

    private IEnumerable<(Guid Id, string Path)> WorkFolders(DateTime before)
    {
        var work = Path.Combine(_audio, "work");
        return Directory.Exists(work)
            ? Directory.EnumerateDirectories(work)
                .Where(path => Directory.GetLastWriteTimeUtc(path) < before)
                .Select(path => (Ok: Guid.TryParseExact(Path.GetFileName(path), "D", out var id), Id: id, Path: path))
                .Where(c => c.Ok)
                .Select(c => (c.Id, c.Path))
            : [];
    }

    private static int Remove(string path)
    {
        try
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
            else
            {
                File.Delete(path);
            }

            return 1;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Taken by another sweeper, or still open: the next pass sees it again.
            return 0;
        }
    }
}
