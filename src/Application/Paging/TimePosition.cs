namespace VoiceNote.Application.Paging;

/// <summary>
/// The position after a row in a list ordered by a time and then the id: the common keyset of lists
/// sorted newest first. The id makes the order total, so no row is skipped or repeated.
/// </summary>
public sealed record TimePosition(DateTimeOffset At, Guid Id)
{
    /// <summary>In UTC whatever offset a cursor carries: PostgreSQL takes only UTC for timestamptz.</summary>
    public DateTimeOffset At { get; init; } = At.ToUniversalTime();

    public string Encode() => KeysetCursor.Encode(this);
}
