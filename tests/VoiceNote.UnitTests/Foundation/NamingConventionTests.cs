using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using VoiceNote.Application.Security;
using VoiceNote.Infrastructure.Modules;
using VoiceNote.Infrastructure.Persistence;
using VoiceNote.Infrastructure.Security;

namespace VoiceNote.UnitTests.Foundation;

/// <summary>
/// snake_case names come from EFCore.NamingConventions, turned on by ModuleDbContext (docs/decisions/0005).
/// Built from the model alone: no database is contacted.
/// </summary>
public sealed partial class NamingConventionTests
{
    [TestCase(nameof(NamingSample.OwnerId), "owner_id")]
    [TestCase(nameof(NamingSample.HTTPStatus), "http_status")]
    // The package does not split a digit from the capital after it (the project's earlier hand-written
    // rule did); no name in the modules has that shape, which the empty migration check of 0005 showed.
    [TestCase(nameof(NamingSample.Transcript2Engine), "transcript2engine")]
    [TestCase(nameof(NamingSample.already_snake), "already_snake")]
    public void Columns_are_snake_case(string property, string expected)
    {
        using var db = NamingContext.Create();
        var entity = db.Model.FindEntityType(typeof(NamingSample))!;
        Assert.That(entity.FindProperty(property)!.GetColumnName(), Is.EqualTo(expected));
    }

    [Test]
    public void Tables_keys_foreign_keys_and_indexes_are_snake_case()
    {
        using var db = NamingContext.Create();
        var sample = db.Model.FindEntityType(typeof(NamingSample))!;
        var part = db.Model.FindEntityType(typeof(NamingPart))!;

        Assert.Multiple(() =>
        {
            Assert.That(sample.GetTableName(), Is.EqualTo("naming_samples"), "from the DbSet's name");
            Assert.That(sample.FindPrimaryKey()!.GetName(), Is.EqualTo("pk_naming_samples"));
            Assert.That(sample.GetIndexes().Single().GetDatabaseName(), Is.EqualTo("ix_naming_samples_owner_id_created_at"));
            Assert.That(part.GetForeignKeys().Single().GetConstraintName(), Is.EqualTo("fk_naming_parts_naming_samples_naming_sample_id"));
            Assert.That(db.Model.FindEntityType(typeof(VoiceNote.Infrastructure.Outbox.OutboxMessage))!.FindPrimaryKey()!.GetName(), Is.EqualTo("pk_outbox_messages"));
        });
    }

    [Test]
    public void The_migrations_history_table_keeps_the_names_ef_gave_it()
    {
        using var db = NamingContext.Create();
        var script = db.GetService<IHistoryRepository>().GetCreateScript();

        Assert.Multiple(() =>
        {
            Assert.That(script, Does.Contain("CREATE TABLE naming.__ef_migrations_history"));
            Assert.That(script, Does.Contain("\"MigrationId\"").And.Contain("\"ProductVersion\""));
            Assert.That(script, Does.Contain("\"PK___ef_migrations_history\""));
            Assert.That(script, Does.Not.Contain("migration_id"));
        });
    }

    [TestCase(typeof(VoiceNote.Modules.Identity.Infrastructure.Persistence.DesignTimeFactory))]
    [TestCase(typeof(VoiceNote.Modules.Notes.Infrastructure.Persistence.DesignTimeFactory))]
    [TestCase(typeof(VoiceNote.Modules.AudioProcessing.Infrastructure.Persistence.DesignTimeFactory))]
    public void Every_name_in_a_module_model_is_snake_case(Type designTimeFactory)
    {
        var factory = Activator.CreateInstance(designTimeFactory)!;
        using var db = (DbContext)designTimeFactory.GetMethod(nameof(IDesignTimeDbContextFactory<DbContext>.CreateDbContext))!.Invoke(factory, [Array.Empty<string>()])!;
        var names = new List<string>();
        foreach (var entity in db.Model.GetEntityTypes())
        {
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            names.Add(entity.GetTableName()!);
            names.AddRange(entity.GetProperties().Select(p => p.GetColumnName(table)).OfType<string>());
            names.AddRange(entity.GetKeys().Select(k => k.GetName()).OfType<string>());
            names.AddRange(entity.GetForeignKeys().Select(k => k.GetConstraintName()).OfType<string>());
            names.AddRange(entity.GetIndexes().Select(i => i.GetDatabaseName()).OfType<string>());
        }

        Assert.That(names, Is.Not.Empty);
        Assert.That(names.Where(n => !SnakeCase().IsMatch(n)), Is.Empty);
    }

    [GeneratedRegex("^[a-z][a-z0-9_]*$")]
    private static partial Regex SnakeCase();

    internal sealed class NamingSample
    {
        public Guid Id { get; set; }

        public Guid OwnerId { get; set; }

        public DateTimeOffset CreatedAt { get; set; }

        public int HTTPStatus { get; set; }

        public int Transcript2Engine { get; set; }

#pragma warning disable IDE1006, CA1707 // A name already in snake_case, on purpose.
        public int already_snake { get; set; }
#pragma warning restore IDE1006, CA1707

        public List<NamingPart> Parts { get; set; } = [];
    }

    internal sealed class NamingPart
    {
        public Guid Id { get; set; }

        public Guid NamingSampleId { get; set; }
    }

    private sealed class NamingContext(DbContextOptions<NamingContext> options, ICurrentUser currentUser, TimeProvider clock)
        : ModuleDbContext(options, currentUser, clock)
    {
        public override string Schema => "naming";

        public DbSet<NamingSample> NamingSamples => Set<NamingSample>();

        public DbSet<NamingPart> NamingParts => Set<NamingPart>();

        public static NamingContext Create() =>
            new(
                new DbContextOptionsBuilder<NamingContext>()
                    .UseNpgsql("Host=localhost", npgsql => npgsql.MigrationsHistoryTable(ModuleRegistration.MigrationsHistoryTable, "naming"))
                    .Options,
                NobodyCurrentUser.Instance,
                TimeProvider.System);

        protected override void ConfigureModule(ModelBuilder modelBuilder) =>
            modelBuilder.Entity<NamingSample>().HasIndex(s => new { s.OwnerId, s.CreatedAt });
    }
}
