namespace VoiceNote.Application.Paging;

/// <summary>
/// One page of a list (docs/decisions/0062): its items and, when the list goes on, the opaque cursor of
/// the next page. <see cref="Total"/> is counted only on the first page or when asked for.
/// </summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int Size, long? Total, string? NextCursor);
