using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using VoiceNote.Infrastructure.Modules;
using VoiceNote.Infrastructure.Security;

namespace VoiceNote.Modules.AudioProcessing.Infrastructure.Persistence;

/// <summary>Lets <c>dotnet ef migrations add</c> build the context without the host (no database is contacted).</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<AudioProcessingDbContext>
{
    public AudioProcessingDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<AudioProcessingDbContext>()
            .UseNpgsql("Host=localhost", npgsql => npgsql.MigrationsHistoryTable(ModuleRegistration.MigrationsHistoryTable, AudioProcessingDbContext.SchemaName))
            .Options;
        return new AudioProcessingDbContext(options, NobodyCurrentUser.Instance, TimeProvider.System, new FileSteps());
    }
}
