using Microsoft.EntityFrameworkCore;
using VoiceNote.Application.Security;
using VoiceNote.Infrastructure.Persistence;
using VoiceNote.Modules.Operations.Domain;

namespace VoiceNote.Modules.Operations.Infrastructure.Persistence;

/// <summary>The Operations module's data, in the <c>operations</c> schema.</summary>
internal sealed class OperationsDbContext(DbContextOptions<OperationsDbContext> options, ICurrentUser currentUser, TimeProvider clock)
    : ModuleDbContext(options, currentUser, clock)
{
    public const string SchemaName = "operations";

    public override string Schema => SchemaName;

    public DbSet<RetentionRun> RetentionRuns => Set<RetentionRun>();

    public DbSet<SystemSetting> Settings => Set<SystemSetting>();

    protected override void ConfigureModule(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new RetentionRunConfiguration());
        modelBuilder.ApplyConfiguration(new SystemSettingConfiguration());
    }
}
