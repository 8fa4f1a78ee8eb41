namespace VoiceNote.Modules.AudioProcessing.Analysis.Time;

/// <summary>
/// Turns a wall-clock time in the owner's zone into an instant, correctly across daylight-saving
/// changes: a time that does not exist (spring forward) moves forward by the gap (02:30 → 03:30); a
/// time that happens twice (fall back) means its first occurrence.
/// </summary>
internal static class ZoneClock
{
    /// <summary>The zone for an IANA (or Windows) id; unknown or empty ids mean UTC.</summary>
    public static TimeZoneInfo Resolve(string? zoneId)
    {
        if (string.IsNullOrWhiteSpace(zoneId))
        {
            return TimeZoneInfo.Utc;
        }

        return TimeZoneInfo.TryFindSystemTimeZoneById(zoneId.Trim(), out var zone) ? zone : TimeZoneInfo.Utc;
    }

    public static DateTime ToLocal(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateTime.SpecifyKind(TimeZoneInfo.ConvertTime(instant, zone).DateTime, DateTimeKind.Unspecified);

    public static DateTimeOffset ToInstant(DateOnly date, TimeSpan timeOfDay, TimeZoneInfo zone) =>
        ToInstant(date.ToDateTime(TimeOnly.MinValue) + timeOfDay, zone);

    public static DateTimeOffset ToInstant(DateTime local, TimeZoneInfo zone)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            var gap = zone.GetUtcOffset(local.AddHours(12)) - zone.GetUtcOffset(local.AddHours(-12));
            local += gap > TimeSpan.Zero ? gap : TimeSpan.FromHours(1);
        }

        if (zone.IsAmbiguousTime(local))
        {
            return new DateTimeOffset(local, zone.GetAmbiguousTimeOffsets(local).Max());
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
