using Microsoft.EntityFrameworkCore;
using VoiceNote.Application.Security;
using VoiceNote.Infrastructure.Jobs;
using VoiceNote.Infrastructure.Persistence;
using VoiceNote.Modules.Exports.Domain;

namespace VoiceNote.Modules.Exports.Infrastructure.Persistence;

/// <summary>The Exports module's data, in the <c>exports</c> schema: the exports and the queue that writes them.</summary>
internal sealed class ExportsDbContext(DbContextOptions<ExportsDbContext> options, ICurrentUser currentUser, TimeProvider clock)
    : ModuleDbContext(options, currentUser, clock)
{
    public const string SchemaName = "exports";

    public override string Schema => SchemaName;

    public DbSet<Export> Exports => Set<Export>();

    public DbSet<JobRecord> Jobs => Set<JobRecord>();

    protected override void ConfigureModule(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new JobRecordConfiguration());
        modelBuilder.ApplyConfiguration(new ExportConfiguration());
    }
}
