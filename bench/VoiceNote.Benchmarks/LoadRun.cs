using System.Diagnostics;
using System.Globalization;

namespace VoiceNote.Benchmarks;

/// <summary>Runs an operation with N concurrent callers for a fixed count, after a warm-up, and reports latency percentiles and throughput.</summary>
internal static class LoadRun
{
    public static async Task<LoadFigures> RunAsync(string name, int total, int concurrency, Func<Task> operation, int warmup = 50)
    {
        for (var i = 0; i < warmup; i++)
        {
            await operation();
        }

        var latencies = new double[total];
        var next = -1;
        var errors = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < total)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    await operation();
                }
                catch (Exception)
                {
                    Interlocked.Increment(ref errors);
                }

                latencies[index] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
        }));
        clock.Stop();
        Array.Sort(latencies);
        return new LoadFigures(name, total, concurrency, Percentile(latencies, 0.50), Percentile(latencies, 0.95), Percentile(latencies, 0.99), total / clock.Elapsed.TotalSeconds, errors);
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}

internal sealed record LoadFigures(string Name, int Requests, int Concurrency, double P50, double P95, double P99, double PerSecond, int Errors)
{
    public static string Header => "| measurement | requests | concurrency | p50 ms | p95 ms | p99 ms | req/s | errors |\n|---|---|---|---|---|---|---|---|";

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"| {Name} | {Requests} | {Concurrency} | {P50:0.00} | {P95:0.00} | {P99:0.00} | {PerSecond:0} | {Errors} |");
}
