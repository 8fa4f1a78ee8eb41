using Microsoft.EntityFrameworkCore;
using VoiceNote.Application.Messaging;
using VoiceNote.Application.Retention;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Modules.Operations.Infrastructure.Persistence;

namespace VoiceNote.Modules.Operations.Application.Retention.ListRetentionRules;

/// <summary>Every retention rule with its current period, its configuration key and its last run (ADR 0084).</summary>
[Requires(Permission = AdminPermissions.CanModifySystemSettings)]
internal sealed record ListRetentionRules : IQuery<IReadOnlyList<RetentionRuleDto>>;

internal sealed class ListRetentionRulesHandler(IEnumerable<IRetentionRule> rules, OperationsDbContext db) : IQueryHandler<ListRetentionRules, IReadOnlyList<RetentionRuleDto>>
{
    public async Task<Result<IReadOnlyList<RetentionRuleDto>>> Handle(ListRetentionRules request, CancellationToken cancellationToken)
    {
        // The newest run of each rule; runs are kept 30 days, so this reads a bounded table.
        var last = await db.RetentionRuns
            .FromSql($"SELECT DISTINCT ON (rule) * FROM operations.retention_runs ORDER BY rule, started_at DESC")
            .AsNoTracking()
            .ToDictionaryAsync(r => r.Rule, StringComparer.Ordinal, cancellationToken);
        IReadOnlyList<RetentionRuleDto> list = rules
            .OrderBy(r => r.Name, StringComparer.Ordinal)
            .Select(r => new RetentionRuleDto(
                r.Name, r.Description, r.ConfigurationKey, (long)r.Period.TotalSeconds, last.TryGetValue(r.Name, out var run) ? RetentionRunDto.From(run) : null))
            .ToList();
        return Result.Success(list);
    }
}

internal sealed class ListRetentionRulesEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.Admin.MapGet("/retention", async (ISender sender, CancellationToken ct) => (await sender.Send(new ListRetentionRules(), ct)).ToOk())
            .RequirePermission(AdminPermissions.CanModifySystemSettings).WithTags("Admin")
            .WithName("listRetentionRules").Produces<IReadOnlyList<RetentionRuleDto>>()
            .WithSummary("Every retention rule: what it removes, its period and configuration key, and its last run");
}
