namespace VoiceNote.Application.Jobs;

/// <summary>
/// Progress of one stage that changes often (a transcription, utterance by utterance), written to the job
/// at most once per <c>every</c>: <see cref="Report"/> only keeps the latest value, so it costs nothing on the
/// caller's thread (the recogniser's own), and a timer writes it when it changed. Progress is for people
/// watching: a write that fails is skipped, the next tick writes the newer value. Disposing stops the timer
/// and waits for a write in flight.
/// </summary>
public sealed class ThrottledProgress : IAsyncDisposable
{
    /// <summary>How often a job's progress is written at most, by default.</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(1);

    private readonly JobContext _job;
    private readonly string _stage;
    private readonly CancellationTokenSource _stop;
    private readonly PeriodicTimer _timer;
    private readonly Task _writer;
    private int _latest;
    private int _written;

    private ThrottledProgress(JobContext job, string stage, int start, TimeSpan every, TimeProvider clock, CancellationToken cancellationToken)
    {
        _job = job;
        _stage = stage;
        _latest = _written = start;
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _timer = new PeriodicTimer(every, clock);
        _writer = WriteAsync();
    }

    /// <summary>Writes issued so far (for tests of the throttle).</summary>
    public int Writes { get; private set; }

    /// <summary>Starts throttling progress of <paramref name="stage"/>, whose last written value is <paramref name="start"/>.</summary>
    public static ThrottledProgress Start(JobContext job, string stage, int start, TimeSpan every, TimeProvider clock, CancellationToken cancellationToken) =>
        new(job, stage, start, every, clock, cancellationToken);

    /// <summary>The stage's progress now (0–100); written at the next tick if it changed. Never goes back.</summary>
    public void Report(int progress)
    {
        int seen;
        do
        {
            seen = Volatile.Read(ref _latest);
            if (progress <= seen)
            {
                return;
            }
        }
        while (Interlocked.CompareExchange(ref _latest, progress, seen) != seen);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _timer.Dispose();
        await _writer;
        _stop.Dispose();
    }

    private async Task WriteAsync()
    {
        try
        {
            while (await _timer.WaitForNextTickAsync(_stop.Token))
            {
                var latest = Volatile.Read(ref _latest);
                if (latest == _written)
                {
                    continue;
                }

                try
                {
                    Writes++;
                    await _job.ReportAsync(_stage, latest, _stop.Token);
                    _written = latest;
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // Skipped: the next tick writes the newer value.
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
    }
}
