namespace VoiceNote.Infrastructure.Modules;

/// <summary>A command-line verb a module adds to the executable (e.g. <c>create-admin</c>).</summary>
public interface ICliVerb
{
    string Name { get; }

    string Usage { get; }

    /// <summary>Whether the host applies every module's migrations before the verb runs (restore wants an empty database).</summary>
    bool MigratesFirst => true;

    /// <summary>Runs (after migrations unless <see cref="MigratesFirst"/> is false); returns the process exit code.</summary>
    Task<int> RunAsync(IReadOnlyList<string> arguments, IServiceProvider services, CancellationToken cancellationToken);
}

/// <summary>Work a module does once when the API or a worker starts, after migrations (e.g. the first admin from configuration).</summary>
public interface IStartupTask
{
    Task RunAsync(CancellationToken cancellationToken);
}
