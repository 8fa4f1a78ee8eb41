using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace VoiceNote.IntegrationTests.Harness;

/// <summary>
/// Every log line the host writes, at every level, with its exception and scopes rendered as text.
/// For tests that prove something (a secret) never reaches the logs: register with <see cref="AddTo"/>
/// in a fixture's ConfigureServices.
/// </summary>
internal sealed class CapturedLogs : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<string> _lines = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyCollection<string> Lines => _lines.ToArray();

    public void AddTo(IServiceCollection services)
    {
        services.AddSingleton<ILoggerProvider>(this);
        // A rule for this provider alone: it sees Trace and up for every category, the console keeps its own levels.
        services.Configure<LoggerFilterOptions>(options => options.AddFilter<CapturedLogs>(null, LogLevel.Trace));
    }

    /// <summary>The captured lines that contain the text (ordinal).</summary>
    public IReadOnlyList<string> Containing(string text) => _lines.Where(l => l.Contains(text, StringComparison.Ordinal)).ToList();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => owner._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var line = new StringBuilder($"{logLevel} {category}[{eventId.Id}] {formatter(state, exception)}");
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                foreach (var (key, value) in values)
                {
                    line.Append(" | ").Append(key).Append('=').Append(value);
                }
            }

            owner._scopes.ForEachScope((scope, builder) => builder.Append(" | scope: ").Append(Render(scope)), line);
            if (exception is not null)
            {
                line.Append(" | exception: ").Append(exception);
            }

            owner._lines.Enqueue(line.ToString());
        }

        /// <summary>A dictionary scope (a correlation id) as its pairs; anything else as its own text (the trace ids).</summary>
        private static string? Render(object? scope) => scope switch
        {
            IEnumerable<KeyValuePair<string, object>> pairs => string.Join(", ", pairs.Select(p => $"{p.Key}:{p.Value}")),
            _ => scope?.ToString(),
        };
    }
}
