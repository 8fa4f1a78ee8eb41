using Microsoft.EntityFrameworkCore;
using VoiceNote.Infrastructure.Persistence;
using VoiceNote.Modules.Notes.Domain;
using VoiceNote.Modules.Notes.Infrastructure.Persistence;

namespace VoiceNote.Modules.Notes.Application.Admin;

/// <summary>
/// The one door to every user's notes: it lifts the owner filter, by name, so that review finds it.
/// Only admin use cases, each requiring a named permission, go through here.
/// </summary>
internal static class AdminNoteQueries
{
    public static IQueryable<Note> AllNotes(this NotesDbContext db) => db.Notes.IgnoreQueryFilters([ModuleDbContext.OwnerFilter]);
}
