using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Primitives;

namespace VoiceNote.Infrastructure.Settings;

/// <summary>
/// The operators' settings in force in this process, as configuration keys laid over the files and the
/// environment (ADR 0086). Replaced whole when the stored settings change; every options type that reads a
/// changed section is then rebuilt (<see cref="SettingsOverlayConfigure{TOptions}"/>).
/// </summary>
public sealed class SettingsOverlay
{
    private volatile Snapshot _current = new([], [], new CancellationTokenSource());

    /// <summary>The overriding values, e.g. <c>Audio:MaxUploadBytes</c> or <c>Engines:AllowedHosts:0</c>.</summary>
    public IConfiguration Configuration => _current.Configuration;

    /// <summary>The setting keys that are overridden (a host list overridden with none has no value keys but is here).</summary>
    public IReadOnlySet<string> OverriddenKeys => _current.Keys;

    public IChangeToken ChangeToken => new CancellationChangeToken(_current.Changed.Token);

    /// <summary>Installs new values; a no-op when nothing differs, so polling does not rebuild every option.</summary>
    public void Replace(IReadOnlyDictionary<string, string?> values, IReadOnlySet<string> keys)
    {
        var previous = _current;
        if (keys.SetEquals(previous.Keys) && values.Count == previous.Values.Count
            && values.All(pair => previous.Values.TryGetValue(pair.Key, out var old) && old == pair.Value))
        {
            return;
        }

        _current = new Snapshot(new Dictionary<string, string?>(values, StringComparer.OrdinalIgnoreCase), new HashSet<string>(keys, StringComparer.OrdinalIgnoreCase), new CancellationTokenSource());
        previous.Changed.Cancel();
    }

    private sealed class Snapshot(Dictionary<string, string?> values, HashSet<string> keys, CancellationTokenSource changed)
    {
        public Dictionary<string, string?> Values { get; } = values;

        public HashSet<string> Keys { get; } = keys;

        public CancellationTokenSource Changed { get; } = changed;

        public IConfiguration Configuration { get; } = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
    }
}
