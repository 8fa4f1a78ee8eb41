using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Modules.Cases.Application.Access;
using VoiceNote.Modules.Cases.Application.Common;
using VoiceNote.Modules.Cases.Application.Participants.RemoveParticipant;
using VoiceNote.Modules.Cases.Domain;
using VoiceNote.Modules.Cases.Infrastructure.Persistence;

namespace VoiceNote.Modules.Cases.Application.Participants.LeaveCase;

/// <summary>The caller stops taking part in the case, whatever their role; the last owner cannot leave (409).</summary>
[Requires(Scope = ApiScopes.CasesWrite)]
[CaseAccess(CasePermission.Read)]
internal sealed record LeaveCase(Guid CaseId) : ICommand, ICaseRequest;

internal sealed class LeaveCaseHandler(CasesDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<LeaveCase>
{
    public async Task<Result> Handle(LeaveCase request, CancellationToken cancellationToken)
    {
        var left = await db.LockCaseAsync(request.CaseId, cancellationToken);
        var participant = await db.FindParticipantAsync(left.Id, user.Id, cancellationToken);

        // The access check admitted the caller, and the case row lock keeps removals of others' waiting.
        return participant is null
            ? CasesErrors.CaseNotFound
            : await ParticipantExit.RemoveAsync(db, left, participant, user.Id, clock, cancellationToken);
    }
}

internal sealed class LeaveCaseEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.V1.MapPost("/cases/{id}/leave", async (Guid id, ISender sender, CancellationToken ct) => (await sender.Send(new LeaveCase(id), ct)).ToNoContent())
            .RequireScope(ApiScopes.CasesWrite).WithTags("Cases")
            .WithName("leaveCase").Produces(StatusCodes.Status204NoContent).ProducesProblem(409)
            .WithSummary("Stop taking part in a case (the last owner cannot)");
}
