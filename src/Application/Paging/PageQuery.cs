namespace VoiceNote.Application.Paging;

/// <summary>
/// How much of a list to read and where to start: every list takes the same <c>limit</c>, <c>cursor</c>
/// and <c>includeTotal</c> (docs/decisions/0062). A null cursor is the first page.
/// </summary>
public sealed record PageQuery(int Limit = PageQuery.DefaultLimit, string? Cursor = null, bool IncludeTotal = false)
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;

    /// <summary>The total is counted on the first page, where it is one query among few, or when the caller asks.</summary>
    public bool CountsTotal => Cursor is null || IncludeTotal;
}
