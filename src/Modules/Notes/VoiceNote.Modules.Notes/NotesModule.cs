using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using VoiceNote.Application.Embeddings;
using VoiceNote.Application.Mapping;
using VoiceNote.Application.Retention;
using VoiceNote.Application.Settings;
using VoiceNote.Infrastructure.Embeddings;
using VoiceNote.Infrastructure.Modules;
using VoiceNote.Modules.Notes.Application;
using VoiceNote.Modules.Notes.Application.Common;
using VoiceNote.Modules.Notes.Application.Exports;
using VoiceNote.Modules.Notes.Application.Search;
using VoiceNote.Modules.Notes.Application.Search.EmbedNote;
using VoiceNote.Modules.Notes.Application.Search.Reembed;
using VoiceNote.Modules.Notes.Application.Sharing;
using VoiceNote.Modules.Notes.Application.Statistics;
using VoiceNote.Modules.Notes.Contracts;
using VoiceNote.Modules.Notes.Infrastructure.Embeddings;
using VoiceNote.Modules.Notes.Infrastructure.Persistence;
using VoiceNote.Modules.Notes.Infrastructure.Retention;
using VoiceNote.Modules.Notes.Infrastructure.Search;

namespace VoiceNote.Modules.Notes;

/// <summary>Notes and their tasks (docs/product.md, Notes), search by words and by meaning.</summary>
public sealed class NotesModule : IModuleInstaller
{
    public string Name => "Notes";

    public void Install(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModule<NotesDbContext>(Name, NotesDbContext.SchemaName, typeof(NotesModule).Assembly);
        services.AddModuleMappings(Name, NotesMappings.Config);
        services.AddScoped<IDevelopmentSeeder, DevelopmentNotesSeeder>();
        services.AddEmbeddings(configuration);
        services.TryAddScoped<IEmbeddingCredentials, IdentityEmbeddingCredentials>();
        services.AddMemoryCache();
        services.AddOptions<NotesOptions>().Bind(configuration.GetSection(NotesOptions.Section))
            .Validate(o => o.TrashRetentionDays >= 1, "Notes:TrashRetentionDays must be at least 1.").ValidateOnStart();
        services.AddSetting<NotesOptions>($"{NotesOptions.Section}:{nameof(NotesOptions.TrashRetentionDays)}", SettingKind.Integer,
            "Days a deleted note stays in the trash before it is purged with its recording.", o => o.TrashRetentionDays, 1, 3650);
        services.AddSingleton<IRetentionRule, NoteTrashRule>();
        services.AddOptions<NotesSearchOptions>().Bind(configuration.GetSection(NotesSearchOptions.Section));
        services.AddOptions<NoteAnalysisOptions>().Bind(configuration.GetSection(NoteAnalysisOptions.Section));
        services.AddSingleton<QueryEmbeddings>();
        services.AddScoped<NoteSearchStore>();
        services.AddScoped<NotePassageStore>();
        services.AddScoped<NoteEmbedder>();
        services.AddScoped<ReembedAllNotes>();
        services.AddScoped<INotesModule, NotesFacade>();
        services.AddScoped<INoteExports, NoteExports>();
        services.AddScoped<INotesStatistics, NotesStatisticsReader>();
        services.AddSingleton<ReembedRunner>();
        services.AddSingleton<ICliVerb, ReembedNotesVerb>();
        services.AddScoped<IStartupTask, ReembedOnStart>();
    }
}
