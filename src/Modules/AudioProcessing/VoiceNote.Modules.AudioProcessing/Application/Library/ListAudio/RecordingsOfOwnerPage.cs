using Ardalis.Specification;
using VoiceNote.Modules.AudioProcessing.Domain;

namespace VoiceNote.Modules.AudioProcessing.Application.Library.ListAudio;

/// <summary>The caller's archived recordings, or the others: what a list's total counts. The owner filter keeps other users' out.</summary>
internal sealed class RecordingsOfOwner : Specification<AudioFile>
{
    public RecordingsOfOwner(bool archived) => Query.Listed(archived);
}

/// <summary>One offset page of <see cref="RecordingsOfOwner"/>, newest first.</summary>
internal sealed class RecordingsOfOwnerPage : Specification<AudioFile>
{
    public RecordingsOfOwnerPage(bool archived, int skip, int take)
    {
        Query.Listed(archived).OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id);
        Query.Skip(skip).Take(take);
    }
}

internal static class RecordingListing
{
    /// <summary>The recordings a list shows: the archived ones when asked, the others otherwise.</summary>
    public static ISpecificationBuilder<AudioFile> Listed(this ISpecificationBuilder<AudioFile> query, bool archived) =>
        query.Where(a => a.IsArchived == archived);
}
