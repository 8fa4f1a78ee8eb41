using FluentValidation;
using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Modules.Cases.Application.Access;
using VoiceNote.Modules.Cases.Application.Common;
using VoiceNote.Modules.Cases.Contracts;
using VoiceNote.Modules.Cases.Domain;
using VoiceNote.Modules.Cases.Infrastructure.Persistence;

namespace VoiceNote.Modules.Cases.Application.Cases.CloseCase;

/// <summary>Why a case is closed or reopened; kept on the case and in the event.</summary>
internal sealed record StatusChangeReason(string? Reason);

/// <summary>Closes a case with a reason. Closing a closed case changes nothing (a retry is harmless).</summary>
[Requires(Scope = ApiScopes.CasesWrite)]
[CaseAccess(CasePermission.Edit)]
internal sealed record CloseCase(Guid CaseId, StatusChangeReason Body) : ICommand<CaseDto>, ICaseRequest;

internal sealed class CloseCaseValidator : AbstractValidator<CloseCase>
{
    public CloseCaseValidator() => RuleFor(c => c.Body.Reason).NotEmpty().MaximumLength(CaseLimits.ReasonLength).OverridePropertyName("reason");
}

internal sealed class CloseCaseHandler(CasesDbContext db, CaseCaller caller, ICurrentUser user, TimeProvider clock) : ICommandHandler<CloseCase, CaseDto>
{
    public async Task<Result<CaseDto>> Handle(CloseCase request, CancellationToken cancellationToken)
    {
        var closing = await db.LockCaseAsync(request.CaseId, cancellationToken);
        if (!closing.IsClosed)
        {
            var now = clock.NowForDatabase();
            var reason = request.Body.Reason!.Trim();
            closing.Close(reason, now);
            db.Publish(new CaseStatusChanged(closing.Id, user.Id.Value, closing.StatusCode, Closed: true, reason, now));
        }

        return CaseDto.From(closing, caller.Role, caller.Permissions);
    }
}

internal sealed class CloseCaseEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.V1.MapPost("/cases/{id}/close", async (Guid id, StatusChangeReason body, HttpContext http, ISender sender, CancellationToken ct) =>
                (await sender.Send(new CloseCase(id, body), ct)).ToTaggedOk(http))
            .RequireScope(ApiScopes.CasesWrite)
            .WithTags("Cases")
            .WithName("closeCase").Produces<CaseDto>().ProducesProblem(409)
            .WithSummary("Close a case, saying why");
}
