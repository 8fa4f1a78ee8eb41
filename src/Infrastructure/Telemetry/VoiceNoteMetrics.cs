using System.Diagnostics.Metrics;

namespace VoiceNote.Infrastructure.Telemetry;

/// <summary>
/// The project's own instruments, all on one meter named <see cref="MeterName"/> (docs/decisions/0089). Recording
/// costs next to nothing when no exporter listens, so the code records unconditionally; the host decides what
/// is exported. Queue depth and age are observed from <see cref="QueueGauges"/>, which samples the job tables.
/// </summary>
public sealed class VoiceNoteMetrics
{
    public const string MeterName = "VoiceNote";

    // Seconds, from a fraction of a second (a short note's analysis) to half an hour (a long recording offline).
    private static readonly InstrumentAdvice<double> Durations = new()
    {
        HistogramBucketBoundaries = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800],
    };

    private readonly Counter<long> _uploads;
    private readonly Counter<long> _uploadBytes;
    private readonly Counter<long> _exports;
    private readonly Counter<long> _exportBytes;
    private readonly Histogram<double> _jobDuration;
    private readonly Histogram<double> _stageDuration;
    private readonly Histogram<double> _engineDuration;
    private readonly Counter<long> _engineErrors;

    public VoiceNoteMetrics(IMeterFactory meters, QueueGauges queues)
    {
        var meter = meters.Create(MeterName);
        _uploads = meter.CreateCounter<long>("voicenote.audio.uploads", "{upload}", "Recordings received (new files, not duplicates).");
        _uploadBytes = meter.CreateCounter<long>("voicenote.audio.upload.size", "By", "Bytes of the recordings received.");
        _exports = meter.CreateCounter<long>("voicenote.exports", "{export}", "Exports written, by format.");
        _exportBytes = meter.CreateCounter<long>("voicenote.export.size", "By", "Bytes of the exports written, by format.");
        _jobDuration = meter.CreateHistogram<double>("voicenote.job.duration", "s", "One run of a job, from claim to end, by queue, kind and outcome.", tags: null, advice: Durations);
        _stageDuration = meter.CreateHistogram<double>("voicenote.job.stage.duration", "s", "Time a job run spent in one workflow stage, by queue, kind and stage.", tags: null, advice: Durations);
        _engineDuration = meter.CreateHistogram<double>("voicenote.engine.duration", "s", "One call of a speech or analysis engine, by engine and outcome.", tags: null, advice: Durations);
        _engineErrors = meter.CreateCounter<long>("voicenote.engine.errors", "{error}", "Engine calls that failed, by engine and error code.");
        meter.CreateObservableGauge("voicenote.queue.depth", queues.Depths, "{job}", "Jobs waiting (pending) or running (processing), by queue.");
        meter.CreateObservableGauge("voicenote.queue.oldest_pending.age", queues.OldestPendingAges, "s", "Age of the oldest job that may run now and waits, by queue; 0 when none.");
    }

    public void RecordUpload(long bytes)
    {
        _uploads.Add(1);
        _uploadBytes.Add(bytes);
    }

    public void RecordExport(string format, long bytes)
    {
        var tag = new KeyValuePair<string, object?>("format", format);
        _exports.Add(1, tag);
        _exportBytes.Add(bytes, tag);
    }

    public void RecordJob(string queue, string kind, string outcome, TimeSpan duration) =>
        _jobDuration.Record(duration.TotalSeconds, new("queue", queue), new("kind", kind), new("outcome", outcome));

    public void RecordStage(string queue, string kind, string stage, TimeSpan duration) =>
        _stageDuration.Record(duration.TotalSeconds, new("queue", queue), new("kind", kind), new("stage", stage));

    /// <summary>One engine call. <paramref name="errorCode"/> is the failure's stable code, or null when it succeeded.</summary>
    /// <param name="use">"speech" or "analysis".</param>
    /// <param name="remote">Whether the engine is a remote service (false for the offline ones).</param>
    public void RecordEngineCall(string use, string engine, bool remote, TimeSpan duration, string? errorCode)
    {
        var location = remote ? "remote" : "local";
        _engineDuration.Record(
            duration.TotalSeconds, new("engine.use", use), new("engine", engine), new("engine.location", location), new("outcome", errorCode is null ? "ok" : "error"));
        if (errorCode is not null)
        {
            _engineErrors.Add(1, new("engine.use", use), new("engine", engine), new("engine.location", location), new("error.code", errorCode));
        }
    }
}
