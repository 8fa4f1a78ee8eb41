namespace VoiceNote.Modules.Cases.Application.Common;

internal static class DatabaseClock
{
    /// <summary>Now in UTC, cut to the microsecond PostgreSQL keeps, so a value read back equals the value written (and its ETag).</summary>
    public static DateTimeOffset NowForDatabase(this TimeProvider clock)
    {
        var utc = clock.GetUtcNow();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % 10), TimeSpan.Zero);
    }
}
