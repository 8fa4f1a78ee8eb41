namespace VoiceNote.Application.Paging;

/// <summary>
/// Cuts a keyset page from rows read with one row more than the limit: that extra row says there is a next
/// page, whose cursor is the position of the page's last item.
/// </summary>
public static class KeysetPage
{
    public static Page<T> From<T>(IReadOnlyList<T> rows, int limit, Func<T, string> cursorAfter, long? total)
    {
        var items = rows.Take(limit).ToList();
        var next = rows.Count > limit ? cursorAfter(items[^1]) : null;
        return new Page<T>(items, items.Count, total, next);
    }
}
