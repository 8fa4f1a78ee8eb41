using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VoiceNote.Modules.Exports.Domain;

namespace VoiceNote.Modules.Exports.Infrastructure.Persistence;

internal sealed class ExportConfiguration : IEntityTypeConfiguration<Export>
{
    public void Configure(EntityTypeBuilder<Export> builder)
    {
        builder.ToTable("exports");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Format).HasMaxLength(32);
        builder.Property(e => e.Source).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.FileName).HasMaxLength(200);
        builder.Property(e => e.StorageKey).HasMaxLength(300);
        builder.Property(e => e.Sha256).HasMaxLength(64);
        builder.Property(e => e.Outcome).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.Error).HasMaxLength(1000);

        // The owner's list, newest first, and the hourly quota's count.
        builder.HasIndex(e => new { e.OwnerId, e.CreatedAt, e.Id }).IsDescending(false, true, true);

        // A case's exports, which its participants may download.
        builder.HasIndex(e => e.SourceId);

        // The retention sweep.
        builder.HasIndex(e => e.ExpiresAt);
    }
}
