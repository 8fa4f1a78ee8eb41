using VoiceNote.Infrastructure.Modules;
using VoiceNote.Modules.Activity;
using VoiceNote.Modules.AudioProcessing;
using VoiceNote.Modules.Cases;
using VoiceNote.Modules.Exports;
using VoiceNote.Modules.Identity;
using VoiceNote.Modules.Notes;
using VoiceNote.Modules.Operations;

namespace VoiceNote.WebApi.Hosting;

/// <summary>The modules this host composes. A new module is one line here.</summary>
internal static class ModuleCatalog
{
    public static IReadOnlyList<IModuleInstaller> All { get; } = [new IdentityModule(), new NotesModule(), new AudioProcessingModule(), new CasesModule(), new ActivityModule(), new ExportsModule(), new OperationsModule()];
}
