using Microsoft.EntityFrameworkCore;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Primitives;
using VoiceNote.Infrastructure.Jobs;
using VoiceNote.Infrastructure.Persistence;

namespace VoiceNote.IntegrationTests.Probe;

/// <summary>
/// A tiny module that exists only in the tests: it exercises the shared plumbing (schema, snake_case,
/// owner filter, unit of work, outbox, inbox) through the same code paths a real module uses.
/// </summary>
internal sealed class ProbeDbContext(DbContextOptions<ProbeDbContext> options, ICurrentUser currentUser, TimeProvider clock)
    : ModuleDbContext(options, currentUser, clock)
{
    public const string SchemaName = "probe";

    public override string Schema => SchemaName;

    public DbSet<ProbeItem> Items => Set<ProbeItem>();

    public DbSet<ProbeEffect> Effects => Set<ProbeEffect>();

    protected override void ConfigureModule(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ProbeItem>(item =>
        {
            item.HasKey(i => i.Id);
            item.Property(i => i.DisplayName).HasMaxLength(40);
        });
        modelBuilder.Entity<ProbeEffect>().HasKey(e => e.Id);
        modelBuilder.ApplyConfiguration(new JobRecordConfiguration());
    }
}

internal sealed class ProbeItem : IOwnedByUser
{
    public Guid Id { get; set; }

    public UserId OwnerId { get; set; }

    public string DisplayName { get; set; } = string.Empty;

    public int Count { get; set; }
}

/// <summary>One row per handler run, with no unique key: a second run for the same event would show as a second row.</summary>
internal sealed class ProbeEffect
{
    public Guid Id { get; set; }

    public Guid EventId { get; set; }

    public Guid ItemId { get; set; }
}
