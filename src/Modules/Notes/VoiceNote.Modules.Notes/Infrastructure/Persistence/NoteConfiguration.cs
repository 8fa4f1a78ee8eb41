using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VoiceNote.Application.Idempotency;
using VoiceNote.Modules.Notes.Domain;

namespace VoiceNote.Modules.Notes.Infrastructure.Persistence;

internal sealed class NoteConfiguration : IEntityTypeConfiguration<Note>
{
    public void Configure(EntityTypeBuilder<Note> builder)
    {
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.Property(n => n.Title).HasMaxLength(NoteLimits.TitleLength);
        builder.Property(n => n.Summary).HasMaxLength(NoteLimits.SummaryLength);
        builder.Property(n => n.PreferredEngine).HasConversion<short?>();
        builder.Property(n => n.AudioUrl).HasMaxLength(NoteLimits.UrlLength);
        builder.Property(n => n.RawAudioUrl).HasMaxLength(NoteLimits.UrlLength);
        builder.Property(n => n.Priority).HasConversion<short>();
        builder.Property(n => n.Status).HasConversion<short>();
        builder.Property(n => n.ModerationStatus).HasConversion<short>();
        builder.Property(n => n.ModerationNote).HasMaxLength(NoteLimits.ModerationNoteLength);
        builder.Property(n => n.SentimentLabel).HasMaxLength(16);
        builder.Property(n => n.KeyMoments).HasColumnType("jsonb")
            .HasConversion(JsonColumn.Converter<KeyMoment>(), JsonColumn.Comparer<KeyMoment>());
        builder.Property(n => n.ProcessingOptions).HasColumnType("jsonb");
        builder.Property(n => n.ContentHash).HasMaxLength(64);
        builder.Property(n => n.IdempotencyKey).HasMaxLength(IdempotentRequest.MaxKeyLength);
        builder.Property(n => n.IdempotencyHash).HasMaxLength(IdempotentRequest.HashLength);
        builder.HasIndex(n => new { n.OwnerId, n.IdempotencyKey }).IsUnique()
            .HasFilter("idempotency_key IS NOT NULL").HasDatabaseName("ux_notes_owner_idempotency");
        builder.Property(n => n.EmbeddedTextHash).HasMaxLength(64);
        builder.Property(n => n.EmbeddingModel).HasMaxLength(100);
        builder.Ignore(n => n.PreferredTranscript);
        builder.Property(n => n.AnalysisTextHash).HasMaxLength(64);
        builder.Property(n => n.AnalysisState).HasConversion<short?>();
        builder.Property(n => n.AnalysisEngine).HasMaxLength(120);
        builder.Property(n => n.AnalysisFallbackFrom).HasMaxLength(120);

        builder.HasMany(n => n.Transcripts).WithOne().HasForeignKey(t => t.NoteId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(n => n.Tasks).WithOne(t => t.Note).HasForeignKey(t => t.NoteId).OnDelete(DeleteBehavior.Cascade);

        // Lists: one index per sort, led by the equality columns every list has (owner, trash, archive),
        // so a keyset page is a short index range scan however deep it is (docs/decisions/0023).
        builder.HasIndex(n => new { n.OwnerId, n.IsDeleted, n.IsArchived, n.RecordedAt, n.Id })
            .IsDescending(false, false, false, true, true).HasDatabaseName("ix_notes_owner_recorded");
        builder.HasIndex(n => new { n.OwnerId, n.IsDeleted, n.IsArchived, n.UpdatedAt, n.Id })
            .IsDescending(false, false, false, true, true).HasDatabaseName("ix_notes_owner_updated");
        builder.HasIndex(n => new { n.OwnerId, n.IsDeleted, n.IsArchived, n.Priority, n.RecordedAt, n.Id })
            .IsDescending(false, false, false, true, true, true).HasDatabaseName("ix_notes_owner_priority");
        // Admin lists across owners.
        builder.HasIndex(n => new { n.RecordedAt, n.Id }).IsDescending(true, true).HasDatabaseName("ix_notes_recorded");

        // The pipeline's events find their note by (owner, recording).
        builder.HasIndex(n => new { n.OwnerId, n.AudioId }).IsUnique().HasFilter("audio_id IS NOT NULL").HasDatabaseName("ux_notes_owner_audio");
    }
}

internal sealed class NoteTranscriptConfiguration : IEntityTypeConfiguration<NoteTranscript>
{
    public void Configure(EntityTypeBuilder<NoteTranscript> builder)
    {
        builder.ToTable("transcripts");
        builder.HasKey(t => new { t.NoteId, t.Engine });
        builder.Property(t => t.Engine).HasConversion<short>();
        builder.Property(t => t.Text).HasMaxLength(NoteLimits.TranscriptLength);
        builder.Property(t => t.Language).HasMaxLength(NoteLimits.LanguageLength);
    }
}

internal sealed class NoteTaskConfiguration : IEntityTypeConfiguration<NoteTask>
{
    public void Configure(EntityTypeBuilder<NoteTask> builder)
    {
        builder.ToTable("tasks");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Description).HasMaxLength(NoteLimits.TaskDescriptionLength);
        builder.Property(t => t.Priority).HasConversion<short>();
        builder.Property(t => t.CommunicationType).HasConversion<short?>();
        builder.Property(t => t.SourceKey).HasMaxLength(NoteLimits.SourceKeyLength);
        builder.Property(t => t.AssignedEntities).HasColumnType("jsonb")
            .HasConversion(JsonColumn.Converter<AssignedEntity>(), JsonColumn.Comparer<AssignedEntity>());

        builder.HasIndex(t => new { t.NoteId, t.Position });
        builder.Property(t => t.IdempotencyKey).HasMaxLength(IdempotentRequest.MaxKeyLength);
        builder.Property(t => t.IdempotencyHash).HasMaxLength(IdempotentRequest.HashLength);
        builder.HasIndex(t => new { t.OwnerId, t.IdempotencyKey }).IsUnique()
            .HasFilter("idempotency_key IS NOT NULL").HasDatabaseName("ux_tasks_owner_idempotency");
        // A repeated analysis of the same recording updates its tasks instead of adding them again.
        builder.HasIndex(t => new { t.NoteId, t.SourceKey }).IsUnique().HasFilter("source_key IS NOT NULL").HasDatabaseName("ux_tasks_note_source_key");
        // "My tasks": open tasks by deadline, done tasks by completion, per owner.
        builder.HasIndex(t => new { t.OwnerId, t.Deadline }).HasFilter("NOT is_deleted AND NOT is_done").HasDatabaseName("ix_tasks_owner_open_deadline");
        builder.HasIndex(t => new { t.OwnerId, t.DoneAt }).IsDescending(false, true).HasFilter("NOT is_deleted AND is_done").HasDatabaseName("ix_tasks_owner_done");
    }
}
