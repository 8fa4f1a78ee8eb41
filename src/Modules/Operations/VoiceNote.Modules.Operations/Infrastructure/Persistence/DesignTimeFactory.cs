using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using VoiceNote.Infrastructure.Modules;
using VoiceNote.Infrastructure.Security;

namespace VoiceNote.Modules.Operations.Infrastructure.Persistence;

/// <summary>Lets <c>dotnet ef migrations add</c> build the context without the host (no database is contacted).</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<OperationsDbContext>
{
    public OperationsDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<OperationsDbContext>()
            .UseNpgsql("Host=localhost", npgsql => npgsql.MigrationsHistoryTable(ModuleRegistration.MigrationsHistoryTable, OperationsDbContext.SchemaName))
            .Options;
        return new OperationsDbContext(options, NobodyCurrentUser.Instance, TimeProvider.System);
    }
}
