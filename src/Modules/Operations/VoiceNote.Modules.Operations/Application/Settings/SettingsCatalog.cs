using VoiceNote.Application.Settings;

namespace VoiceNote.Modules.Operations.Application.Settings;

/// <summary>Every setting the modules declared, by key (case-insensitive, as configuration keys are).</summary>
internal sealed class SettingsCatalog(IEnumerable<SettingDefinition> definitions)
{
    private readonly Dictionary<string, SettingDefinition> _byKey = definitions.ToDictionary(d => d.Key, StringComparer.OrdinalIgnoreCase);

    public IEnumerable<SettingDefinition> All => _byKey.Values.OrderBy(d => d.Key, StringComparer.Ordinal);

    public SettingDefinition? Find(string key) => _byKey.GetValueOrDefault(key);
}
