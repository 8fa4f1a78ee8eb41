using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VoiceNote.Modules.AudioProcessing.Domain;

namespace VoiceNote.Modules.AudioProcessing.Infrastructure.Persistence;

internal sealed class AudioFileConfiguration : IEntityTypeConfiguration<AudioFile>
{
    public void Configure(EntityTypeBuilder<AudioFile> builder)
    {
        builder.ToTable("audio_files");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.OriginalName).HasMaxLength(AudioFile.NameLength);
        builder.Property(a => a.Format).HasMaxLength(32);
        builder.Property(a => a.Codec).HasMaxLength(64);
        builder.Property(a => a.Sha256).HasMaxLength(64).IsFixedLength();
        builder.Property(a => a.StorageKey).HasMaxLength(400);
        builder.Property(a => a.Status).HasConversion<short>();
        builder.Property(a => a.Title).HasMaxLength(AudioFile.TitleLength);
        builder.Property(a => a.OnDeviceTranscript).HasMaxLength(AudioFile.TranscriptLength);
        builder.Property(a => a.OnDeviceTranscriptLanguage).HasMaxLength(16);
        builder.Property(a => a.IdempotencyKey).HasMaxLength(AudioFile.IdempotencyKeyLength);
        builder.Property(a => a.ArchiveReason).HasMaxLength(500);
        builder.Property(a => a.SpeechEngine).HasMaxLength(32);
        builder.Property(a => a.ProcessingError).HasMaxLength(AudioFile.ErrorLength);

        // Per-user dedup: the same bytes from the same owner are one item; other owners never match.
        builder.HasIndex(a => new { a.OwnerId, a.Sha256 }).IsUnique().HasDatabaseName("ux_audio_files_owner_sha256");
        builder.HasIndex(a => new { a.OwnerId, a.IdempotencyKey }).IsUnique().HasFilter("idempotency_key IS NOT NULL").HasDatabaseName("ux_audio_files_owner_idempotency");
        // The recordings stored in a case, for its purge (docs/decisions/0079).
        builder.HasIndex(a => a.CaseId).HasFilter("case_id IS NOT NULL");
        builder.HasIndex(a => new { a.OwnerId, a.CreatedAt, a.Id }).IsDescending(false, true, true).HasDatabaseName("ix_audio_files_owner_created");
    }
}
