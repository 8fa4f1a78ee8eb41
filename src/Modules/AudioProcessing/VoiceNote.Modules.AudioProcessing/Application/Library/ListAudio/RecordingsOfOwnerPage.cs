using Ardalis.Specification;
using Microsoft.EntityFrameworkCore;
using VoiceNote.Application.Paging;
using VoiceNote.Modules.AudioProcessing.Domain;

namespace VoiceNote.Modules.AudioProcessing.Application.Library.ListAudio;

/// <summary>The caller's archived recordings, or the others: what a list's total counts. The owner filter keeps other users' out.</summary>
internal sealed class RecordingsOfOwner : Specification<AudioFile>
{
    public RecordingsOfOwner(bool archived) => Query.Listed(archived);
}

/// <summary>One keyset page of <see cref="RecordingsOfOwner"/>, newest first: the rows after the cursor and one more than the limit.</summary>
internal sealed class RecordingsOfOwnerPage : Specification<AudioFile>
{
    public RecordingsOfOwnerPage(bool archived, TimePosition? after, int limit)
    {
        Query.Listed(archived).OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id);
        if (after is not null)
        {
            Query.Where(a => EF.Functions.LessThan(ValueTuple.Create(a.CreatedAt, a.Id), ValueTuple.Create(after.At, after.Id)));
        }

        Query.Take(limit + 1);
    }
}

internal static class RecordingListing
{
    /// <summary>The recordings a list shows: the archived ones when asked, the others otherwise.</summary>
    public static ISpecificationBuilder<AudioFile> Listed(this ISpecificationBuilder<AudioFile> query, bool archived) =>
        query.Where(a => a.IsArchived == archived);
}
