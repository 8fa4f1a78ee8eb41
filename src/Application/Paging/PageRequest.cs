namespace VoiceNote.Application.Paging;

/// <summary>Offset paging for shallow pages: 20 per page unless the caller asks for up to <see cref="MaxSize"/>.</summary>
public sealed record PageRequest(int Page = 1, int Size = PageRequest.DefaultSize)
{
    public const int DefaultSize = 20;
    public const int MaxSize = 100;

    public int Skip => (Math.Max(Page, 1) - 1) * Size;
}

/// <summary>One page of items; <see cref="NextCursor"/> is set when keyset paging continues past it.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int Size, long? Total, string? NextCursor);
