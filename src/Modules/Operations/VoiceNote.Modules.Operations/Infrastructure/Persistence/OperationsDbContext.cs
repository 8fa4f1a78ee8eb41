using Microsoft.EntityFrameworkCore;
using VoiceNote.Application.Security;
using VoiceNote.Infrastructure.Persistence;

namespace VoiceNote.Modules.Operations.Infrastructure.Persistence;

/// <summary>The Operations module's data, in the <c>operations</c> schema.</summary>
internal sealed class OperationsDbContext(DbContextOptions<OperationsDbContext> options, ICurrentUser currentUser, TimeProvider clock)
    : ModuleDbContext(options, currentUser, clock)
{
    public const string SchemaName = "operations";

    public override string Schema => SchemaName;

    protected override void ConfigureModule(ModelBuilder modelBuilder)
    {
    }
}
