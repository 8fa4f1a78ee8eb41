using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VoiceNote.Modules.Operations.Domain;

namespace VoiceNote.Modules.Operations.Infrastructure.Persistence;

internal sealed class RetentionRunConfiguration : IEntityTypeConfiguration<RetentionRun>
{
    public void Configure(EntityTypeBuilder<RetentionRun> builder)
    {
        builder.ToTable("retention_runs");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Rule).HasMaxLength(64);
        builder.Property(r => r.Error).HasMaxLength(2000);

        // The admin list reads the newest run per rule.
        builder.HasIndex(r => new { r.Rule, r.StartedAt });
    }
}
