namespace VoiceNote.Modules.Identity.Application.Common;

internal static class ClockExtensions
{
    /// <summary>
    /// Now, at PostgreSQL's precision (microseconds), so the time a write answers with is the time a
    /// later read returns (timestamptz would drop the last tick digit).
    /// </summary>
    public static DateTimeOffset GetStoredNow(this TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond));
    }
}
