using VoiceNote.Modules.Operations.Domain;

namespace VoiceNote.Modules.Operations.Application.Retention;

/// <summary>One rule as an operator sees it: what it removes, after how long, where that is set, and its last run.</summary>
internal sealed record RetentionRuleDto(string Name, string Description, string ConfigurationKey, long PeriodSeconds, RetentionRunDto? LastRun);

/// <summary>One run: when, how many items it removed, and the error when it failed.</summary>
internal sealed record RetentionRunDto(string Rule, DateTimeOffset StartedAt, DateTimeOffset FinishedAt, int Removed, string? Error)
{
    public static RetentionRunDto From(RetentionRun run) => new(run.Rule, run.StartedAt, run.FinishedAt, run.Removed, run.Error);
}
