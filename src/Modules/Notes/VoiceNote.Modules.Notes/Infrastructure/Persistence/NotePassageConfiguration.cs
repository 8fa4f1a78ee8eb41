using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VoiceNote.Modules.Notes.Domain;

namespace VoiceNote.Modules.Notes.Infrastructure.Persistence;

internal sealed class NotePassageConfiguration : IEntityTypeConfiguration<NotePassage>
{
    public void Configure(EntityTypeBuilder<NotePassage> builder)
    {
        builder.ToTable(NotesSearchSchema.PassageTable);
        builder.HasKey(p => new { p.NoteId, p.Ordinal });
        builder.Property(p => p.Model).HasMaxLength(100);
        builder.Property(p => p.TextHash).HasMaxLength(64);
        // No dimension: the per-model HNSW indexes cast it (NotesSearchSchema.CreateModelIndex).
        builder.Property(p => p.Embedding).HasColumnType("vector");
        builder.HasOne<Note>().WithMany().HasForeignKey(p => p.NoteId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => new { p.OwnerId, p.Model }).HasDatabaseName("ix_note_passages_owner_model");
    }
}
