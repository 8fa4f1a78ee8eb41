using Microsoft.EntityFrameworkCore;
using VoiceNote.Application.Security;
using VoiceNote.Infrastructure.Persistence;
using VoiceNote.Modules.Activity.Domain;
using VoiceNote.Modules.Identity.Contracts;

namespace VoiceNote.Modules.Activity.Infrastructure.Persistence;

/// <summary>
/// The activity log, in the <c>activity</c> schema. <paramref name="services"/> (null only at design time) gives the
/// Identity module's contract when entries are saved, not when the context is made: migrations make it without one.
/// </summary>
internal sealed class ActivityDbContext(DbContextOptions<ActivityDbContext> options, ICurrentUser currentUser, TimeProvider clock, IServiceProvider? services = null)
    : ModuleDbContext(options, currentUser, clock)
{
    public const string SchemaName = "activity";

    public override string Schema => SchemaName;

    public DbSet<ActivityEntry> Entries => Set<ActivityEntry>();

    public DbSet<ActivityType> Types => Set<ActivityType>();

    /// <summary>
    /// An event about an account may arrive after the account's purge was handled here (another module's
    /// announcement of its own part of the purge, say): its entry is written already anonymised (ADR 0085).
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var added = ChangeTracker.Entries<ActivityEntry>().Where(e => e.State == EntityState.Added).ToList();
        var named = added.SelectMany(e => PurgedEntries.Accounts(e.Entity)).ToList();
        if (named.Count > 0 && services?.GetService<IIdentityModule>() is { } identity)
        {
            var purged = await identity.GetPurgedAsync(named, cancellationToken);
            foreach (var entry in added)
            {
                PurgedEntries.Anonymise(entry, purged);
            }
        }

        return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    protected override void ConfigureModule(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ActivityDbContext).Assembly, t => t.Namespace == typeof(ActivityEntryConfiguration).Namespace);
}
