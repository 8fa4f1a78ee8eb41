namespace VoiceNote.Modules.AudioProcessing.Analysis.Time;

/// <summary>Which time of day a date gets when no clock time was said.</summary>
internal enum DefaultTime
{
    /// <summary>Work end for "by …" deadlines, work start otherwise.</summary>
    ByEndElseStart,

    /// <summary>Always the start of the work day ("next week", "next month").</summary>
    WorkStart,

    /// <summary>Always the end of the work day ("end of day", "end of the week").</summary>
    WorkEnd,

    /// <summary>"today": the end of the work day, or 23:59 when that has already passed.</summary>
    RestOfToday,
}

/// <summary>
/// A date said in words, not yet resolved. <see cref="Candidates"/> lists the dates it may mean in
/// order of preference ("on Monday": this coming Monday, then the one after); the resolver takes the
/// first that, with its time, is still ahead of the recording.
/// </summary>
internal sealed record DateSpec(
    string Kind,
    Func<TimeContext, IReadOnlyList<DateOnly>> Candidates,
    DefaultTime Default,
    double Confidence,
    bool NamesPast = false);
