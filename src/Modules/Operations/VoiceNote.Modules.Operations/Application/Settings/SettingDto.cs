using VoiceNote.Application.Settings;

namespace VoiceNote.Modules.Operations.Application.Settings;

/// <summary>
/// One setting as an operator sees it: the value in force in this process, whether an operator overrode the
/// files' value, and its bounds. <c>Minimum</c>/<c>Maximum</c> are seconds for a duration.
/// </summary>
public sealed record SettingDto(
    string Key, SettingKind Kind, string Description, object? Value, bool Overridden, long? Minimum, long? Maximum,
    IReadOnlyList<string> Choices, DateTimeOffset? UpdatedAt, Guid? UpdatedBy)
{
    internal static SettingDto From(SettingDefinition definition, IServiceProvider services, Domain.SystemSetting? stored) => new(
        definition.Key,
        definition.Kind,
        definition.Description,
        definition.Current(services),
        stored is not null,
        definition.Minimum,
        definition.Maximum,
        definition.Choices,
        stored?.UpdatedAt,
        stored?.UpdatedBy);
}
