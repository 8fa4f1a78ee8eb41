namespace VoiceNote.Modules.Notes.Application.Common;

internal static class DatabaseClock
{
    /// <summary>Now, cut to the microsecond PostgreSQL keeps, so a value read back equals the value written.</summary>
    public static DateTimeOffset NowForDatabase(this TimeProvider clock) => clock.GetUtcNow().ToMicroseconds();

    /// <summary>The same instant in UTC (Npgsql writes only offset 0 to timestamptz), cut to microseconds.</summary>
    public static DateTimeOffset ToMicroseconds(this DateTimeOffset value)
    {
        var utc = value.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % 10), TimeSpan.Zero);
    }
}
