using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VoiceNote.Modules.AudioProcessing.Domain;

namespace VoiceNote.Modules.AudioProcessing.Infrastructure.Persistence;

internal sealed class AnalysisVersionConfiguration : IEntityTypeConfiguration<AnalysisVersion>
{
    public void Configure(EntityTypeBuilder<AnalysisVersion> builder)
    {
        builder.ToTable("analyses");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Engine).HasMaxLength(128);
        builder.Property(a => a.Language).HasMaxLength(16);
        builder.Property(a => a.FallbackFrom).HasMaxLength(128);
        builder.Property(a => a.FallbackReason).HasConversion<string>().HasMaxLength(32);
        builder.Property(a => a.Result).HasColumnType("jsonb");
        builder.HasOne<AudioFile>().WithMany().HasForeignKey(a => a.AudioId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<TranscriptVersion>().WithMany().HasForeignKey(a => a.TranscriptId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => a.AudioId);
        builder.HasIndex(a => a.JobId).IsUnique();
    }
}
