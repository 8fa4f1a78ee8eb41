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
    private readonly int pid;
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;

    public MemorySampler(int pid, TimeSpan interval)
    {
        this.pid = pid;
        Before = MemoryReading.Of(pid);
        PeakRssMiB = Before.RssMiB;
        loop = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                Sample();
                try
                {
                    await Task.Delay(interval, stop.Token);
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
        if (stop.IsCancellationRequested)
        {
            return;
        }

        await stop.CancelAsync();
        await loop;
        Sample();
        After = MemoryReading.Of(pid);
        stop.Dispose();
    }

    private void Sample()
    {
        var now = MemoryReading.Of(pid);
        PeakRssMiB = Math.Max(PeakRssMiB, now.RssMiB);
        Samples++;
    }
}
