using System.Collections;
using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace VoiceNote.Infrastructure.Settings;

/// <summary>
/// Lays the operators' settings over any options class with a <c>Section</c> constant (the convention every
/// options class here follows), after the files and the environment were bound. Registered for every options
/// type at once, so a module declares a setting without wiring its options again.
/// </summary>
internal sealed class SettingsOverlayConfigure<TOptions>(SettingsOverlay overlay) : IPostConfigureOptions<TOptions>
    where TOptions : class
{
    private static readonly string? Section =
        typeof(TOptions).GetField("Section", BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true } field ? field.GetRawConstantValue() as string : null;

    public void PostConfigure(string? name, TOptions options)
    {
        if (Section is null || overlay.OverriddenKeys.Count == 0)
        {
            return;
        }

        var prefix = Section + ":";
        var keys = overlay.OverriddenKeys.Where(k => k.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)).ToList();
        if (keys.Count == 0)
        {
            return;
        }

        // The binder adds to a list it finds filled: an overridden list replaces the file's, so empty it first.
        foreach (var key in keys)
        {
            var property = typeof(TOptions).GetProperty(key[prefix.Length..], BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            if (property?.GetValue(options) is IList list)
            {
                list.Clear();
            }
        }

        overlay.Configuration.GetSection(Section).Bind(options);
    }
}

/// <summary>Tells IOptionsMonitor of every options type that the settings changed, so it rebuilds them.</summary>
internal sealed class SettingsOverlayChangeTokens<TOptions>(SettingsOverlay overlay) : IOptionsChangeTokenSource<TOptions>
{
    public string? Name => Options.DefaultName;

    public IChangeToken GetChangeToken() => overlay.ChangeToken;
}
