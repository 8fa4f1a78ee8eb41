using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VoiceNote.Application.Idempotency;
using VoiceNote.Modules.Cases.Domain;

namespace VoiceNote.Modules.Cases.Infrastructure.Persistence;

internal sealed class CaseConfiguration : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Code).HasMaxLength(CaseLimits.CodeLength);
        builder.HasIndex(c => c.Code).IsUnique();
        builder.Property(c => c.Title).HasMaxLength(CaseLimits.TitleLength);
        builder.Property(c => c.Description).HasMaxLength(CaseLimits.DescriptionLength);
        builder.Property(c => c.StatusReason).HasMaxLength(CaseLimits.ReasonLength);
        builder.Property(c => c.StatusCode).HasMaxLength(CaseLimits.LookupCodeLength);
        builder.Property(c => c.PriorityCode).HasMaxLength(CaseLimits.LookupCodeLength);
        builder.HasOne<CaseStatus>().WithMany().HasForeignKey(c => c.StatusCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.Priority).WithMany().HasForeignKey(c => c.PriorityCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(c => c.Participants).WithOne().HasForeignKey(p => p.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(c => c.IsClosed);
        builder.Property(c => c.IdempotencyKey).HasMaxLength(IdempotentRequest.MaxKeyLength);
        builder.Property(c => c.IdempotencyHash).HasMaxLength(IdempotentRequest.HashLength);
        builder.HasIndex(c => new { c.CreatedBy, c.IdempotencyKey }).IsUnique()
            .HasFilter("idempotency_key IS NOT NULL").HasDatabaseName("ux_cases_creator_idempotency");

        // The purge finds the trash by age; a user's restore finds the cases that waited for them.
        builder.HasIndex(c => c.DeletedAt).HasFilter("is_deleted").HasDatabaseName("ix_cases_trash");
        builder.HasIndex(c => c.OrphanedBy).HasFilter("orphaned_by IS NOT NULL");
    }
}

internal sealed class CaseParticipantConfiguration : IEntityTypeConfiguration<CaseParticipant>
{
    public void Configure(EntityTypeBuilder<CaseParticipant> builder)
    {
        builder.ToTable("participants");
        builder.HasKey(p => new { p.CaseId, p.UserId });
        builder.Property(p => p.Role).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.GrantedPermissions).HasConversion<int?>();
        builder.Ignore(p => p.Permissions);

        // A user's cases: the list starts from the caller's participant rows, and reads the role from the index alone
        // (filter "my role"); a deleted user's rows are found by it too.
        builder.HasIndex(p => new { p.UserId, p.CaseId }).IncludeProperties(p => p.Role);
    }
}

internal sealed class CaseStatusConfiguration : IEntityTypeConfiguration<CaseStatus>
{
    public void Configure(EntityTypeBuilder<CaseStatus> builder)
    {
        builder.ToTable("statuses");
        builder.HasKey(s => s.Code);
        builder.Property(s => s.Code).HasMaxLength(CaseLimits.LookupCodeLength);
        builder.Property(s => s.Description).HasMaxLength(500);
        builder.HasData(
            new CaseStatus { Code = CaseStatus.Active, Description = "Being worked on.", IsActive = true, Position = 1 },
            new CaseStatus { Code = CaseStatus.Pending, Description = "Waiting for something or somebody.", IsActive = true, Position = 2 },
            new CaseStatus { Code = CaseStatus.Closed, Description = "Finished; reopen it to work on it again.", IsActive = true, Position = 3 });
    }
}

internal sealed class CasePriorityConfiguration : IEntityTypeConfiguration<CasePriority>
{
    public void Configure(EntityTypeBuilder<CasePriority> builder)
    {
        builder.ToTable("priorities");
        builder.HasKey(p => p.Code);
        builder.Property(p => p.Code).HasMaxLength(CaseLimits.LookupCodeLength);
        builder.Property(p => p.Description).HasMaxLength(500);
        builder.HasData(
            new CasePriority { Code = CasePriority.High, Description = "Needs attention first.", Weight = 300, IsActive = true },
            new CasePriority { Code = CasePriority.Medium, Description = "The usual.", Weight = 200, IsActive = true },
            new CasePriority { Code = CasePriority.Low, Description = "When there is time.", Weight = 100, IsActive = true });
    }
}

internal sealed class CaseCodeCounterConfiguration : IEntityTypeConfiguration<CaseCodeCounter>
{
    public void Configure(EntityTypeBuilder<CaseCodeCounter> builder)
    {
        builder.ToTable("code_counters");
        builder.HasKey(c => c.Year);
        builder.Property(c => c.Year).ValueGeneratedNever();
    }
}

internal sealed class CaseNoteConfiguration : IEntityTypeConfiguration<CaseNote>
{
    public void Configure(EntityTypeBuilder<CaseNote> builder)
    {
        builder.ToTable("case_notes");
        builder.HasKey(n => new { n.CaseId, n.NoteId });
        builder.HasOne<Case>().WithMany().HasForeignKey(n => n.CaseId).OnDelete(DeleteBehavior.Cascade);

        // A case's notes, newest first (keyset paging); a purged note's links; a leaving participant's notes.
        builder.HasIndex(n => new { n.CaseId, n.AddedAt, n.NoteId });
        builder.HasIndex(n => n.NoteId);
        builder.HasIndex(n => new { n.CaseId, n.OwnerId });
    }
}

internal sealed class CaseRecordingConfiguration : IEntityTypeConfiguration<CaseRecording>
{
    public void Configure(EntityTypeBuilder<CaseRecording> builder)
    {
        builder.ToTable("recordings");
        builder.HasKey(r => new { r.CaseId, r.AudioId });
        builder.Property(r => r.Source).HasConversion<string>().HasMaxLength(16);
        builder.HasOne<Case>().WithMany().HasForeignKey(r => r.CaseId).OnDelete(DeleteBehavior.Cascade);

        // The cases that hold a recording, for its versions as they arrive; and a case's list, newest first.
        builder.HasIndex(r => r.AudioId);
        builder.HasIndex(r => new { r.CaseId, r.AddedAt, r.AudioId });
    }
}

internal sealed class RecordingVersionConfiguration : IEntityTypeConfiguration<RecordingVersion>
{
    public void Configure(EntityTypeBuilder<RecordingVersion> builder)
    {
        builder.ToTable("recording_versions");
        builder.HasKey(v => new { v.AudioId, v.Kind, v.Number });
        builder.Property(v => v.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(v => v.Engine).HasMaxLength(RecordingVersion.EngineLength);
        builder.Property(v => v.Language).HasMaxLength(16);
        builder.Property(v => v.Result).HasColumnType("jsonb");
    }
}
