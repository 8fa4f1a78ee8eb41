using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using VoiceNote.Infrastructure.Storage;

namespace VoiceNote.WebApi.Health;

/// <summary>
/// Ready only when the storage root exists, a file can be written and removed there, and the disk under
/// it has at least <see cref="StorageOptions.MinFreeBytes"/> free: a nearly full disk would take a
/// two-byte probe and then refuse every upload, so it is reported before it is full.
/// </summary>
internal sealed class StorageHealthCheck(IOptions<StorageOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var root = options.Value.FullRoot;
        var probe = Path.Combine(root, $".health-{Guid.NewGuid():N}");
        long free;
        try
        {
            Directory.CreateDirectory(root);
            free = new DriveInfo(root).AvailableFreeSpace;
            await File.WriteAllTextAsync(probe, "ok", cancellationToken);
            File.Delete(probe);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            TryDelete(probe);
            return HealthCheckResult.Unhealthy("Storage root is not writable.", exception);
        }

        var minimum = options.Value.MinFreeBytes;
        var data = new Dictionary<string, object> { ["freeBytes"] = free, ["minFreeBytes"] = minimum };
        return free < minimum
            ? HealthCheckResult.Unhealthy(string.Create(CultureInfo.InvariantCulture, $"Storage has {free} bytes free, below the minimum of {minimum}."), data: data)
            : HealthCheckResult.Healthy(string.Create(CultureInfo.InvariantCulture, $"Storage root is writable; {free} bytes free."), data);
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // The root itself is the problem; the probe, if written at all, is two bytes.
        }
    }
}
