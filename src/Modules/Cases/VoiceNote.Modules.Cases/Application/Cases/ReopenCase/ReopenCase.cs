using FluentValidation;
using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Modules.Cases.Application.Access;
using VoiceNote.Modules.Cases.Application.Cases.CloseCase;
using VoiceNote.Modules.Cases.Application.Common;
using VoiceNote.Modules.Cases.Contracts;
using VoiceNote.Modules.Cases.Domain;
using VoiceNote.Modules.Cases.Infrastructure.Persistence;

namespace VoiceNote.Modules.Cases.Application.Cases.ReopenCase;

/// <summary>Reopens a closed case (status ACTIVE) with a reason. Reopening an open case changes nothing.</summary>
[Requires(Scope = ApiScopes.CasesWrite)]
[CaseAccess(CasePermission.Edit)]
internal sealed record ReopenCase(Guid CaseId, StatusChangeReason Body) : ICommand<CaseDto>, ICaseRequest;

internal sealed class ReopenCaseValidator : AbstractValidator<ReopenCase>
{
    public ReopenCaseValidator() => RuleFor(c => c.Body.Reason).NotEmpty().MaximumLength(CaseLimits.ReasonLength).OverridePropertyName("reason");
}

internal sealed class ReopenCaseHandler(CasesDbContext db, CaseCaller caller, ICurrentUser user, TimeProvider clock) : ICommandHandler<ReopenCase, CaseDto>
{
    public async Task<Result<CaseDto>> Handle(ReopenCase request, CancellationToken cancellationToken)
    {
        var reopening = await db.LockCaseAsync(request.CaseId, cancellationToken);
        if (reopening.IsClosed)
        {
            var now = clock.NowForDatabase();
            var reason = request.Body.Reason!.Trim();
            reopening.Reopen(reason, now);
            db.Publish(new CaseStatusChanged(reopening.Id, user.Id.Value, reopening.StatusCode, Closed: false, reason, now));
        }

        return CaseDto.From(reopening, caller.Role, caller.Permissions);
    }
}

internal sealed class ReopenCaseEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.V1.MapPost("/cases/{id}/reopen", async (Guid id, StatusChangeReason body, HttpContext http, ISender sender, CancellationToken ct) =>
                (await sender.Send(new ReopenCase(id, body), ct)).ToTaggedOk(http))
            .RequireScope(ApiScopes.CasesWrite)
            .WithTags("Cases")
            .WithName("reopenCase").Produces<CaseDto>().ProducesProblem(409)
            .WithSummary("Reopen a closed case, saying why");
}
