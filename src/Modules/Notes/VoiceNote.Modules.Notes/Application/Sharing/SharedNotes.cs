using Ardalis.Specification;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Modules.Notes.Application.Common;
using VoiceNote.Modules.Notes.Contracts;
using VoiceNote.Modules.Notes.Domain;

namespace VoiceNote.Modules.Notes.Application.Sharing;

/// <summary>
/// Notes by id whoever owns them, with what their tag is computed from. The second door past the owner filter
/// (besides the admin's): only the <see cref="INotesModule"/> facade uses it, for ids another module vouches for
/// (docs/decisions/0080).
/// </summary>
internal sealed class SharedNotesByIds : Specification<Note>
{
    public SharedNotesByIds(IReadOnlyCollection<Guid> ids, bool tracked = false)
    {
        Query.Where(n => ids.Contains(n.Id)).IgnoreQueryFilters().AsNoTracking(!tracked).AsSplitQuery();
        Query.Include(n => n.Transcripts);
        Query.Include(n => n.Tasks);
    }
}

internal static class SharedNoteMapping
{
    /// <summary>The note for another module, with the same tag its owner's own read answers.</summary>
    public static SharedNote ToShared(this Note note, RepresentationTags tags) => new(
        note.Id,
        note.OwnerId.Value,
        note.Title,
        note.Summary,
        note.PreferredTranscript?.Text,
        note.AudioId,
        note.RecordedAt,
        note.CreatedAt,
        note.UpdatedAt,
        note.IsDeleted,
        tags.Of(NoteDto.From(note)));

    /// <summary>The content as the note writer takes it: a field is sent when not null, and an empty one is cleared.</summary>
    public static Sent<NoteFields> AsSent(this NoteContent content)
    {
        var present = new HashSet<string>(StringComparer.Ordinal);
        if (content.Title is not null)
        {
            present.Add("title");
        }

        if (content.Summary is not null)
        {
            present.Add("summary");
        }

        return new Sent<NoteFields>(new NoteFields(Title: Cleared(content.Title), Summary: Cleared(content.Summary)), present);
    }

    private static string? Cleared(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
