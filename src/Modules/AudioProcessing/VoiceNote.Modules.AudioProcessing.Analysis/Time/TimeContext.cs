namespace VoiceNote.Modules.AudioProcessing.Analysis.Time;

/// <summary>What a time expression is relative to: when the note was recorded, where, and the owner's working week.</summary>
internal sealed class TimeContext
{
    public TimeContext(DateTimeOffset recordedAt, TimeZoneInfo zone, WorkSchedule? schedule = null)
    {
        RecordedAt = recordedAt;
        Zone = zone;
        Schedule = schedule ?? WorkSchedule.Default;
        LocalNow = ZoneClock.ToLocal(recordedAt, zone);
        Today = DateOnly.FromDateTime(LocalNow);
    }

    public DateTimeOffset RecordedAt { get; }

    public TimeZoneInfo Zone { get; }

    public WorkSchedule Schedule { get; }

    public DateTime LocalNow { get; }

    public DateOnly Today { get; }

    public DateTimeOffset At(DateOnly date, TimeSpan timeOfDay) => ZoneClock.ToInstant(date, timeOfDay, Zone);
}
