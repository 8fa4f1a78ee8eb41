using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using VoiceNote.Infrastructure.Modules;
using VoiceNote.Infrastructure.Security;

namespace VoiceNote.Modules.Notes.Infrastructure.Persistence;

/// <summary>Lets <c>dotnet ef migrations add</c> build the context without the host (no database is contacted).</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<NotesDbContext>
{
    public NotesDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<NotesDbContext>()
            .UseNpgsql("Host=localhost", npgsql => npgsql.MigrationsHistoryTable(ModuleRegistration.MigrationsHistoryTable, NotesDbContext.SchemaName))
            .Options;
        return new NotesDbContext(options, NobodyCurrentUser.Instance, TimeProvider.System);
    }
}
