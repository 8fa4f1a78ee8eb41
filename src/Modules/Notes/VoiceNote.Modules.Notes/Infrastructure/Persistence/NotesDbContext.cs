using Microsoft.EntityFrameworkCore;
using VoiceNote.Application.Security;
using VoiceNote.Infrastructure.Persistence;
using VoiceNote.Modules.Notes.Domain;

namespace VoiceNote.Modules.Notes.Infrastructure.Persistence;

/// <summary>The Notes module's data, in the <c>notes</c> schema.</summary>
internal sealed class NotesDbContext(DbContextOptions<NotesDbContext> options, ICurrentUser currentUser, TimeProvider clock)
    : ModuleDbContext(options, currentUser, clock)
{
    public const string SchemaName = "notes";

    public override string Schema => SchemaName;

    public DbSet<Note> Notes => Set<Note>();

    public DbSet<NoteTask> Tasks => Set<NoteTask>();

    public DbSet<NoteTranscript> Transcripts => Set<NoteTranscript>();

    protected override void ConfigureModule(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(NotesDbContext).Assembly, t => t.Namespace == typeof(NoteConfiguration).Namespace);
}
