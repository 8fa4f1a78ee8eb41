using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Primitives;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Infrastructure.Http.Json;
using VoiceNote.Modules.Cases.Application.Access;
using VoiceNote.Modules.Cases.Application.Common;
using VoiceNote.Modules.Cases.Contracts;
using VoiceNote.Modules.Cases.Domain;
using VoiceNote.Modules.Cases.Infrastructure.Persistence;

namespace VoiceNote.Modules.Cases.Application.Participants.RemoveParticipant;

/// <summary>
/// Takes a user out of the case: their next request to it is a 404, as for somebody who never took part.
/// The last owner cannot be removed (409).
/// </summary>
[Requires(Scope = ApiScopes.CasesWrite)]
[CaseAccess(CasePermission.ManageParticipants)]
internal sealed record RemoveParticipant(Guid CaseId, Guid UserId) : ICommand, ICaseRequest;

internal sealed class RemoveParticipantHandler(CasesDbContext db, CaseCaller caller, ICurrentUser user, TimeProvider clock) : ICommandHandler<RemoveParticipant>
{
    public async Task<Result> Handle(RemoveParticipant request, CancellationToken cancellationToken)
    {
        var left = await db.LockCaseAsync(request.CaseId, cancellationToken);
        var participant = await db.FindParticipantAsync(left.Id, new UserId(request.UserId), cancellationToken);
        if (participant is null)
        {
            return CasesErrors.ParticipantNotFound;
        }

        if (ParticipantRules.MayTouch(caller, participant.Role, wanted: null) is { } refused)
        {
            return refused;
        }

        return await ParticipantExit.RemoveAsync(db, left, participant, user.Id, clock, cancellationToken);
    }
}

/// <summary>
/// Removing and leaving end the same way: the row goes, unless it is the case's last owner, and the notes of theirs
/// that were in the case leave with them (docs/decisions/0080): nothing of theirs stays shared where they cannot see.
/// </summary>
internal static class ParticipantExit
{
    public static async Task<Result> RemoveAsync(CasesDbContext db, Case left, CaseParticipant participant, UserId by, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await db.IsLastOwnerAsync(left.Id, participant, cancellationToken))
        {
            return CasesErrors.LastOwner;
        }

        var now = clock.NowForDatabase();
        db.Participants.Remove(participant);
        await DepartingContents.TakeOutAsync(db, [left.Id], participant.UserId, cancellationToken);
        left.Touch(now);
        db.Publish(new CaseParticipantChanged(left.Id, participant.UserId.Value, by.Value, Role: null, now, ApiEnum<CaseRole>.NameOf(participant.Role)));
        return Result.Success();
    }
}

internal sealed class RemoveParticipantEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.V1.MapDelete("/cases/{id}/participants/{userId}", async (Guid id, Guid userId, ISender sender, CancellationToken ct) =>
                (await sender.Send(new RemoveParticipant(id, userId), ct)).ToNoContent())
            .RequireScope(ApiScopes.CasesWrite).WithTags("Cases")
            .WithName("removeCaseParticipant").Produces(StatusCodes.Status204NoContent).ProducesProblem(409)
            .WithSummary("Take a user out of a case; their access ends with their next request");
}
