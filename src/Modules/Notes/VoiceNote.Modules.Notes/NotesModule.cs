using Microsoft.Extensions.Configuration;
using VoiceNote.Infrastructure.Modules;
using VoiceNote.Modules.Notes.Infrastructure.Persistence;

namespace VoiceNote.Modules.Notes;

/// <summary>Notes and their tasks (seed 000), audio history fields (seed 002), search by words and by meaning.</summary>
public sealed class NotesModule : IModuleInstaller
{
    public string Name => "Notes";

    public void Install(IServiceCollection services, IConfiguration configuration) =>
        services.AddModule<NotesDbContext>(Name, NotesDbContext.SchemaName, typeof(NotesModule).Assembly);
}
