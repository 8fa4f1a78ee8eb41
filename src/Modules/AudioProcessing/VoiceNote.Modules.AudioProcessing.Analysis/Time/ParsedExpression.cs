namespace VoiceNote.Modules.AudioProcessing.Analysis.Time;

/// <summary>
/// What the reader recognised between two token indices (inclusive) before it is resolved: a date, a
/// time of day, both, or an elapsed duration ("in two hours"). <see cref="By"/> marks deadlines said
/// with "by", "before", "until", "no later than", "within", "due".
/// </summary>
internal sealed record ParsedExpression(int First, int Last, DateSpec? Date, TimeSpec? Time, TimeSpan? Elapsed, bool By)
{
    public int TokenCount => Last - First + 1;

    public double Confidence =>
        Elapsed is not null ? 0.95 : Math.Min(Date?.Confidence ?? 1, Time?.Confidence ?? 1) * (Date is null && Time is { IsClock: false } ? 0.9 : 1);
}
