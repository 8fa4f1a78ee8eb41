namespace VoiceNote.Application.Retention;

/// <summary>
/// One thing the product removes when it is old enough (ADR 0084). Modules register their rules; the Operations
/// module's scheduler runs every rule on one timer, records each run and shows them to operators.
/// </summary>
public interface IRetentionRule
{
    /// <summary>A stable dotted name, e.g. <c>notes.trash</c>: the admin route's key and the run log's.</summary>
    string Name { get; }

    string Description { get; }

    /// <summary>The configuration key the period is read from, e.g. <c>Notes:TrashRetentionDays</c>.</summary>
    string ConfigurationKey { get; }

    /// <summary>
    /// How old an item must be to go, read from the module's current options at every call (never cached: settings
    /// may change while the process runs).
    /// </summary>
    TimeSpan Period { get; }

    /// <summary>Removes everything past the period; returns how many items went.</summary>
    Task<int> RunAsync(CancellationToken cancellationToken);
}
