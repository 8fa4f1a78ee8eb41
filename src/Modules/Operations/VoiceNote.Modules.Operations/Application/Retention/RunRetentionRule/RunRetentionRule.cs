using VoiceNote.Application.Messaging;
using VoiceNote.Application.Retention;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Modules.Operations.Infrastructure.Retention;

namespace VoiceNote.Modules.Operations.Application.Retention.RunRetentionRule;

/// <summary>
/// An operator runs one rule now: it waits for a run another process may have under way, then runs and records as
/// the scheduler does; the answer is the run (how many items went, or why it failed).
/// </summary>
[Requires(Permission = AdminPermissions.CanModifySystemSettings)]
internal sealed record RunRetentionRule(string Rule) : ICommand<RetentionRunDto>;

internal sealed class RunRetentionRuleHandler(IEnumerable<IRetentionRule> rules, RetentionRunner runner) : ICommandHandler<RunRetentionRule, RetentionRunDto>
{
    public async Task<Result<RetentionRunDto>> Handle(RunRetentionRule request, CancellationToken cancellationToken)
    {
        var rule = rules.FirstOrDefault(r => string.Equals(r.Name, request.Rule, StringComparison.Ordinal));
        if (rule is null)
        {
            return RetentionErrors.RuleNotFound;
        }

        var run = await runner.RunAsync(rule, wait: true, cancellationToken);
        return RetentionRunDto.From(run!);
    }
}

internal sealed class RunRetentionRuleEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.Admin.MapPost("/retention/{rule}/run", async (string rule, ISender sender, CancellationToken ct) => (await sender.Send(new RunRetentionRule(rule), ct)).ToOk())
            .RequirePermission(AdminPermissions.CanModifySystemSettings).WithTags("Admin")
            .WithName("runRetentionRule").Produces<RetentionRunDto>().ProducesProblem(404)
            .WithSummary("Run one retention rule now; answers how many items it removed");
}
