using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure;
using VoiceNote.Application.IntegrationEvents;
using VoiceNote.Application.Security;
using VoiceNote.Contracts;
using VoiceNote.Domain.Primitives;
using VoiceNote.Infrastructure.Outbox;

namespace VoiceNote.Infrastructure.Persistence;

/// <summary>
/// The base of every module's DbContext: its own schema, snake_case names (EFCore.NamingConventions,
/// docs/decisions/0005), pgvector's types (docs/decisions/0004), an outbox and inbox in
/// that schema, and an owner filter on every <see cref="IOwnedByUser"/> entity so that a query can
/// only see the caller's rows unless it says <c>IgnoreQueryFilters([OwnerFilter])</c> explicitly.
/// </summary>
public abstract class ModuleDbContext : DbContext, IOutbox
{
    /// <summary>The name of the owner query filter, for the few admin and system reads that lift it.</summary>
    public const string OwnerFilter = "owner";

    private readonly ICurrentUser _currentUser;
    private readonly TimeProvider _clock;

    protected ModuleDbContext(DbContextOptions options, ICurrentUser currentUser, TimeProvider clock)
        : base(options)
    {
        _currentUser = currentUser;
        _clock = clock;
    }

    /// <summary>The PostgreSQL schema this module owns.</summary>
    public abstract string Schema { get; }

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    /// <summary>The owner the filter compares with; null for background work and anonymous calls, which matches no row.</summary>
    protected UserId? CurrentOwnerId => _currentUser.IdOrNull;

    /// <summary>
    /// Writes the event to this module's outbox, stamped with the request that caused it (who, which client,
    /// from which address and user agent: docs/decisions/0078), so consumers such as the activity log know it
    /// without every publisher passing it along.
    /// </summary>
    public void Publish(IIntegrationEvent integrationEvent)
    {
        if (integrationEvent is IntegrationEvent { Origin: null } unstamped && _currentUser.Origin is { } origin)
        {
            integrationEvent = unstamped with { Origin = origin };
        }

        OutboxMessages.Add(OutboxMessage.From(integrationEvent, _clock.GetUtcNow()));
    }

    protected abstract void ConfigureModule(ModelBuilder modelBuilder);

    protected sealed override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        ConfigureModule(modelBuilder);
        modelBuilder.ApplyConfiguration(new OutboxMessageConfiguration());
        modelBuilder.ApplyConfiguration(new InboxMessageConfiguration());
        ApplyOwnerFilters(modelBuilder);
    }

    /// <summary>
    /// Here rather than where the host registers the context, so that <c>dotnet ef</c>'s design-time
    /// factories build exactly the model the host runs.
    /// </summary>
    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        optionsBuilder.UseSnakeCaseNamingConvention();
        optionsBuilder.ReplaceService<IHistoryRepository, ModuleHistoryRepository>();
        new NpgsqlDbContextOptionsBuilder(optionsBuilder).UseVector();
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<UserId>().HaveConversion<UserIdConverter>();
        configurationBuilder.Properties<DateTimeOffset>().HaveColumnType("timestamptz");
    }

    private void ApplyOwnerFilters(ModelBuilder modelBuilder)
    {
        foreach (var entity in modelBuilder.Model.GetEntityTypes().Where(e => typeof(IOwnedByUser).IsAssignableFrom(e.ClrType) && e.BaseType is null))
        {
            // e => (UserId?)e.OwnerId == this.CurrentOwnerId; EF re-reads the member per query, so one model serves every caller.
            var parameter = Expression.Parameter(entity.ClrType, "e");
            var owner = Expression.Convert(Expression.Property(parameter, nameof(IOwnedByUser.OwnerId)), typeof(UserId?));
            var current = Expression.Property(Expression.Constant(this), nameof(CurrentOwnerId));
            var filter = Expression.Lambda(Expression.Equal(owner, current), parameter);
            modelBuilder.Entity(entity.ClrType).HasQueryFilter(OwnerFilter, filter);
        }
    }
}
