using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VoiceNote.Modules.AudioProcessing.Domain;

namespace VoiceNote.Modules.AudioProcessing.Infrastructure.Persistence;

internal sealed class TranscriptVersionConfiguration : IEntityTypeConfiguration<TranscriptVersion>
{
    public void Configure(EntityTypeBuilder<TranscriptVersion> builder)
    {
        builder.ToTable("transcripts");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Engine).HasMaxLength(64);
        builder.Property(t => t.Language).HasMaxLength(16);
        builder.Property(t => t.FallbackFrom).HasMaxLength(128);
        builder.Property(t => t.FallbackReason).HasConversion<string>().HasMaxLength(32);
        builder.Property(t => t.Words).HasColumnType("jsonb");
        builder.HasOne<AudioFile>().WithMany().HasForeignKey(t => t.AudioId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(t => new { t.AudioId, t.Version }).IsUnique();

        // One transcript per job: a resumed job finds the one its earlier attempt saved.
        builder.HasIndex(t => t.JobId).IsUnique();
    }
}
