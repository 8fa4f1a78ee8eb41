using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VoiceNote.Modules.Activity.Domain;

namespace VoiceNote.Modules.Activity.Infrastructure.Persistence;

internal sealed class ActivityEntryConfiguration : IEntityTypeConfiguration<ActivityEntry>
{
    public void Configure(EntityTypeBuilder<ActivityEntry> builder)
    {
        builder.ToTable("entries");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.TypeCode).HasMaxLength(ActivityTypeConfiguration.CodeLength);
        builder.Property(e => e.ClientId).HasMaxLength(ActivityEntry.ClientIdLength);
        builder.Property(e => e.ItemType).HasMaxLength(ActivityEntry.ItemTypeLength);
        builder.Property(e => e.Details).HasColumnType("jsonb");
        builder.Property(e => e.IpAddress).HasMaxLength(ActivityEntry.AddressLength);
        builder.Property(e => e.UserAgent).HasMaxLength(ActivityEntry.UserAgentLength);
        builder.HasOne<ActivityType>().WithMany().HasForeignKey(e => e.TypeCode).OnDelete(DeleteBehavior.Restrict);

        // Each list walks one index newest first: a case's timeline, a user's own log, everything (admin, retention), one item.
        builder.HasIndex(e => new { e.CaseId, e.OccurredAt, e.Id }).IsDescending(false, true, true).HasFilter("case_id IS NOT NULL").HasDatabaseName("ix_entries_case");
        builder.HasIndex(e => new { e.UserId, e.OccurredAt, e.Id }).IsDescending(false, true, true).HasFilter("user_id IS NOT NULL").HasDatabaseName("ix_entries_user");
        builder.HasIndex(e => new { e.ItemId, e.OccurredAt, e.Id }).IsDescending(false, true, true).HasFilter("item_id IS NOT NULL").HasDatabaseName("ix_entries_item");
        builder.HasIndex(e => new { e.OccurredAt, e.Id }).IsDescending(true, true).HasDatabaseName("ix_entries_occurred_at");
    }
}

internal sealed class ActivityTypeConfiguration : IEntityTypeConfiguration<ActivityType>
{
    public const int CodeLength = 64;

    public void Configure(EntityTypeBuilder<ActivityType> builder)
    {
        builder.ToTable("types");
        builder.HasKey(t => t.Code);
        builder.Property(t => t.Code).HasMaxLength(CodeLength);
        builder.Property(t => t.Category).HasMaxLength(32);
        builder.Property(t => t.Description).HasMaxLength(500);
        builder.HasData(ActivityTypes.Seeded);
    }
}
