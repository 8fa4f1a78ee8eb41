using System.Diagnostics;

namespace VoiceNote.Benchmarks;

internal sealed record Figures(double P50Ms, double P95Ms, double RequestsPerSecond);

/// <summary>Latency percentiles of sequential calls, then throughput of concurrent ones.</summary>
internal static class Measure
{
    public static async Task<Figures> RunAsync(Func<int, Task> call, int warmup, int samples, int concurrency, int throughputCalls)
    {
        for (var i = 0; i < warmup; i++)
        {
            await call(i);
        }

        var durations = new double[samples];
        for (var i = 0; i < samples; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await call(warmup + i);
            durations[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }

        Array.Sort(durations);
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int n;
            while ((n = Interlocked.Increment(ref next)) < throughputCalls)
            {
                await call(n);
            }
        }));
        var perSecond = throughputCalls / clock.Elapsed.TotalSeconds;
        return new Figures(Percentile(durations, 0.50), Percentile(durations, 0.95), perSecond);
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
