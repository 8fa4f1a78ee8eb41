using Microsoft.EntityFrameworkCore;
using VoiceNote.Application.Security;
using VoiceNote.Infrastructure.Persistence;
using VoiceNote.Modules.Cases.Domain;

namespace VoiceNote.Modules.Cases.Infrastructure.Persistence;

/// <summary>The Cases module's data, in the <c>cases</c> schema.</summary>
internal sealed class CasesDbContext(DbContextOptions<CasesDbContext> options, ICurrentUser currentUser, TimeProvider clock)
    : ModuleDbContext(options, currentUser, clock)
{
    public const string SchemaName = "cases";

    public override string Schema => SchemaName;

    public DbSet<Case> Cases => Set<Case>();

    public DbSet<CaseParticipant> Participants => Set<CaseParticipant>();

    public DbSet<CaseNote> Notes => Set<CaseNote>();

    public DbSet<CaseRecording> Recordings => Set<CaseRecording>();

    public DbSet<RecordingVersion> Versions => Set<RecordingVersion>();

    public DbSet<CaseStatus> Statuses => Set<CaseStatus>();

    public DbSet<CasePriority> Priorities => Set<CasePriority>();

    protected override void ConfigureModule(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CasesDbContext).Assembly, t => t.Namespace == typeof(CaseConfiguration).Namespace);
}
