using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using VoiceNote.Infrastructure.Modules;
using VoiceNote.Infrastructure.Security;

namespace VoiceNote.Modules.Exports.Infrastructure.Persistence;

/// <summary>Lets <c>dotnet ef migrations add</c> build the context without the host (no database is contacted).</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<ExportsDbContext>
{
    public ExportsDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<ExportsDbContext>()
            .UseNpgsql("Host=localhost", npgsql => npgsql.MigrationsHistoryTable(ModuleRegistration.MigrationsHistoryTable, ExportsDbContext.SchemaName))
            .Options;
        return new ExportsDbContext(options, NobodyCurrentUser.Instance, TimeProvider.System);
    }
}
