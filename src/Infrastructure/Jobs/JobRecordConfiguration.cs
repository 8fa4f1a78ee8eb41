using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace VoiceNote.Infrastructure.Jobs;

/// <summary>A module that runs durable jobs applies this in its DbContext: the queue lives in the module's schema.</summary>
public sealed class JobRecordConfiguration : IEntityTypeConfiguration<JobRecord>
{
    public void Configure(EntityTypeBuilder<JobRecord> builder)
    {
        builder.ToTable("jobs");
        builder.HasKey(j => j.Id);
        builder.Property(j => j.Id).ValueGeneratedNever();
        builder.Property(j => j.Kind).HasMaxLength(64);
        builder.Property(j => j.Payload).HasColumnType("jsonb");
        builder.Property(j => j.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(j => j.Stage).HasMaxLength(64);
        builder.Property(j => j.LeaseOwner).HasMaxLength(128);
        builder.Property(j => j.Error).HasMaxLength(4000);
        // The claim query: due pending jobs, and processing jobs whose lease ran out.
        builder.HasIndex(j => new { j.Status, j.RunAfter }).HasDatabaseName("ix_jobs_claim");
        builder.HasIndex(j => j.OwnerId);
        builder.HasIndex(j => j.FinishedAt).HasFilter("finished_at IS NOT NULL");
    }
}
