using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VoiceNote.Modules.AudioProcessing.Domain;

namespace VoiceNote.Modules.AudioProcessing.Infrastructure.Persistence;

internal sealed class NoteTextAnalysisConfiguration : IEntityTypeConfiguration<NoteTextAnalysis>
{
    public void Configure(EntityTypeBuilder<NoteTextAnalysis> builder)
    {
        builder.ToTable("note_text_analyses");
        builder.HasKey(a => a.NoteId);
        builder.Property(a => a.NoteId).ValueGeneratedNever();
        builder.Property(a => a.Language).HasMaxLength(16);
        builder.Property(a => a.TextHash).HasMaxLength(64);
        builder.Property(a => a.AnalysedHash).HasMaxLength(64);
        builder.Ignore(a => a.IsAnalysed);
        builder.HasIndex(a => a.OwnerId);
    }
}
