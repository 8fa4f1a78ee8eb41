using System.Globalization;

namespace VoiceNote.Benchmarks;

/// <summary>Resident memory of a process from /proc/&lt;pid&gt;/status, in MiB.</summary>
internal readonly record struct MemoryReading(double RssMiB, double PeakRssMiB)
{
    /// <summary>VmRSS (now) and VmHWM (the peak since the process started).</summary>
    public static MemoryReading Of(int pid)
    {
        double rss = 0, hwm = 0;
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                rss = KiB(line) / 1024.0;
            }
            else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                hwm = KiB(line) / 1024.0;
            }
        }

        return new MemoryReading(rss, hwm);
    }

    private static long KiB(string line) =>
        long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
}

/// <summary>Samples a process's VmRSS every few milliseconds until disposed; keeps the highest.</summary>
internal sealed class MemorySampler : IAsyncDisposable
{
    private readonly int _pid;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public MemorySampler(int pid, TimeSpan interval)
    {
        _pid = pid;
        Before = MemoryReading.Of(pid);
        PeakRssMiB = Before.RssMiB;
        _loop = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                Sample();
                try
                {
                    await Task.Delay(interval, _stop.Token);
                }
                catch (OperationCanceledException)
                {
                }
            }
        });
    }

    public MemoryReading Before { get; }

    /// <summary>The highest VmRSS seen by sampling (a short spike between two samples can be missed; VmHWM cannot).</summary>
    public double PeakRssMiB { get; private set; }

    public MemoryReading After { get; private set; }

    public int Samples { get; private set; }

    public async ValueTask DisposeAsync()
    {
        if (_stop.IsCancellationRequested)
        {
            return;
        }

        await _stop.CancelAsync();
        await _loop;
        Sample();
        After = MemoryReading.Of(_pid);
        _stop.Dispose();
    }

    private void Sample()
    {
        var now = MemoryReading.Of(_pid);
        PeakRssMiB = Math.Max(PeakRssMiB, now.RssMiB);
        Samples++;
    }
}

/// <summary>
/// CPU time of a process from /proc/&lt;pid&gt;/stat, in seconds: its own threads, and its finished
/// children (the ffprobe and ffmpeg runs the API waited for).
/// </summary>
internal readonly record struct CpuReading(double OwnSeconds, double ChildrenSeconds)
{
    /// <summary>USER_HZ: the unit of the times in /proc/&lt;pid&gt;/stat on Linux.</summary>
    private const double TicksPerSecond = 100.0;

    public static CpuReading Of(int pid)
    {
        var text = File.ReadAllText($"/proc/{pid}/stat");
        // The command name may hold spaces; the fields after its closing parenthesis are fixed.
        var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        double Ticks(int field) => long.Parse(fields[field - 3], CultureInfo.InvariantCulture) / TicksPerSecond;
        return new CpuReading(Ticks(14) + Ticks(15), Ticks(16) + Ticks(17));
    }

    public static CpuReading operator -(CpuReading after, CpuReading before) =>
        new(after.OwnSeconds - before.OwnSeconds, after.ChildrenSeconds - before.ChildrenSeconds);
}
