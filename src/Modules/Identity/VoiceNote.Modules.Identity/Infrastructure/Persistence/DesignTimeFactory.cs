using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using VoiceNote.Infrastructure.Modules;
using VoiceNote.Infrastructure.Security;

namespace VoiceNote.Modules.Identity.Infrastructure.Persistence;

/// <summary>Lets <c>dotnet ef migrations add</c> build the context without the host (no database is contacted).</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<IdentityDbContext>
{
    public IdentityDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<IdentityDbContext>()
            .UseNpgsql("Host=localhost", npgsql => npgsql.MigrationsHistoryTable(ModuleRegistration.MigrationsHistoryTable, IdentityDbContext.SchemaName))
            .Options;
        return new IdentityDbContext(options, NobodyCurrentUser.Instance, TimeProvider.System);
    }
}
