using Microsoft.EntityFrameworkCore;
using VoiceNote.Application.Security;
using VoiceNote.Infrastructure.Persistence;
using VoiceNote.Modules.Activity.Domain;

namespace VoiceNote.Modules.Activity.Infrastructure.Persistence;

/// <summary>The activity log, in the <c>activity</c> schema.</summary>
internal sealed class ActivityDbContext(DbContextOptions<ActivityDbContext> options, ICurrentUser currentUser, TimeProvider clock)
    : ModuleDbContext(options, currentUser, clock)
{
    public const string SchemaName = "activity";

    public override string Schema => SchemaName;

    public DbSet<ActivityEntry> Entries => Set<ActivityEntry>();

    public DbSet<ActivityType> Types => Set<ActivityType>();

    protected override void ConfigureModule(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ActivityDbContext).Assembly, t => t.Namespace == typeof(ActivityEntryConfiguration).Namespace);
}
