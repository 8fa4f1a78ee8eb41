using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace VoiceNote.Application.Settings;

/// <summary>What a system setting holds; decides how its JSON value is checked and written as configuration.</summary>
public enum SettingKind
{
    Boolean,
    Integer,
    Duration,
    Choice,
    HostList,
}

/// <summary>
/// One setting an operator may change while the service runs (ADR 0086): the configuration key it overrides,
/// its kind and bounds, and how to read the value in force. Each module declares its own; only declared keys
/// can be set, so a typo or an internal knob is refused rather than stored.
/// </summary>
public sealed record SettingDefinition(string Key, SettingKind Kind, string Description, Func<IServiceProvider, object?> Current)
{
    /// <summary>The lowest value: a number for <see cref="SettingKind.Integer"/>, seconds for <see cref="SettingKind.Duration"/>.</summary>
    public long? Minimum { get; init; }

    /// <summary>The highest value, in the same unit as <see cref="Minimum"/>.</summary>
    public long? Maximum { get; init; }

    /// <summary>The values a <see cref="SettingKind.Choice"/> may take.</summary>
    public IReadOnlyList<string> Choices { get; init; } = [];
}

public static class SettingRegistration
{
    /// <summary>Declares a setting operators may change; the options it overrides must read it through IOptionsMonitor or IOptionsSnapshot.</summary>
    public static IServiceCollection AddSetting(this IServiceCollection services, SettingDefinition definition) =>
        services.AddSingleton(definition);

    /// <summary>Declares <c>{section}:{property}</c> of <typeparamref name="TOptions"/>, read through its monitor.</summary>
    public static IServiceCollection AddSetting<TOptions>(
        this IServiceCollection services, string key, SettingKind kind, string description, Func<TOptions, object?> read, long? minimum = null, long? maximum = null)
        where TOptions : class =>
        services.AddSetting(new SettingDefinition(key, kind, description, provider => read(provider.GetRequiredService<IOptionsMonitor<TOptions>>().CurrentValue))
        {
            Minimum = minimum,
            Maximum = maximum,
        });
}
