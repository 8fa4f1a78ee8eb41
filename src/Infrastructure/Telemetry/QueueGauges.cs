using System.Diagnostics.Metrics;
using VoiceNote.Infrastructure.Jobs;

namespace VoiceNote.Infrastructure.Telemetry;

/// <summary>
/// The last depth read of every queue, for the observable gauges: a scrape reads memory, never the database;
/// <see cref="QueueSampler"/> refreshes it every <see cref="ObservabilityOptions.QueueSampleInterval"/>.
/// </summary>
public sealed class QueueGauges(TimeProvider clock)
{
    private volatile IReadOnlyList<QueueDepth> _latest = [];

    public IReadOnlyList<QueueDepth> Latest => _latest;

    public void Update(IReadOnlyList<QueueDepth> depths) => _latest = depths;

    internal IEnumerable<Measurement<long>> Depths() =>
        _latest.SelectMany(d => new[]
        {
            new Measurement<long>(d.Pending, new("queue", d.Queue), new("status", "pending")),
            new Measurement<long>(d.Processing, new("queue", d.Queue), new("status", "processing")),
        });

    /// <summary>The age as of now, not of the sample: a stuck job's age keeps growing between samples.</summary>
    internal IEnumerable<Measurement<double>> OldestPendingAges()
    {
        var now = clock.GetUtcNow();
        return _latest.Select(d => new Measurement<double>(
            d.OldestRunnableSince is { } since && since < now ? (now - since).TotalSeconds : 0, new KeyValuePair<string, object?>("queue", d.Queue)));
    }
}
