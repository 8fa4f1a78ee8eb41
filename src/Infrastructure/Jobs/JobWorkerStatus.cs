namespace VoiceNote.Infrastructure.Jobs;

/// <summary>A job worker loop of this process, as readiness reads it (docs/decisions/0064).</summary>
public interface IJobWorker
{
    JobWorkerStatus Status();
}

/// <summary>Where a worker loop is.</summary>
public enum JobWorkerLoop
{
    /// <summary>Jobs are switched off in this process (Jobs:Enabled false), or it has no job kinds.</summary>
    Disabled,

    /// <summary>The host has not started it yet.</summary>
    NotStarted,

    Running,

    /// <summary>The loop ended while the process goes on: nothing claims jobs any more.</summary>
    Ended,
}

/// <summary>
/// One worker loop's state. The loop turns (tries a claim) every poll interval, sooner after work and later
/// after failures; it only waits longer when every slot runs a job. So it is ready when it runs, its last
/// claim did not fail, and it turned recently or all its slots are busy; otherwise it says why not.
/// </summary>
/// <param name="Queue">The queue's module (its DbContext).</param>
/// <param name="SinceLastTurn">Time since the loop last tried a claim (or began one).</param>
/// <param name="Busy">Jobs this loop runs now.</param>
/// <param name="Capacity">Jobs it may run at once (Jobs:Concurrency).</param>
/// <param name="FailedClaims">Claims that failed in a row (0 after one that worked).</param>
/// <param name="LastError">Why the last failed claim failed.</param>
/// <param name="StallAfter">How long without a turn, with a slot free, counts as stuck.</param>
public sealed record JobWorkerStatus(
    string Queue, JobWorkerLoop Loop, TimeSpan SinceLastTurn, int Busy, int Capacity, int FailedClaims, string? LastError, TimeSpan StallAfter)
{
    public bool IsReady => Loop switch
    {
        JobWorkerLoop.Disabled => true,
        JobWorkerLoop.Running => FailedClaims == 0 && (Busy >= Capacity || SinceLastTurn <= StallAfter),
        _ => false,
    };

    public string Describe() => Loop switch
    {
        JobWorkerLoop.Disabled => $"{Queue}: job workers are off in this process.",
        JobWorkerLoop.NotStarted => $"{Queue}: the job worker has not started.",
        JobWorkerLoop.Ended => $"{Queue}: the job worker loop has ended; queued jobs are not being run.",
        _ when FailedClaims > 0 => $"{Queue}: the last {FailedClaims} job claim(s) failed ({LastError}).",
        _ when !IsReady => $"{Queue}: the job worker has not tried a claim for {SinceLastTurn.TotalSeconds:0} s with a slot free: it is stuck.",
        _ => $"{Queue}: the job worker runs {Busy} of {Capacity} job(s).",
    };
}
