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
using VoiceNote.Modules.Identity.Contracts;

namespace VoiceNote.Modules.Cases.Application.Participants.ChangeParticipant;

/// <summary>A participant's new role and permissions, as a whole (null permissions: the role's defaults).</summary>
internal sealed record ParticipantAccess(string? Role, IReadOnlyList<string>? Permissions);

/// <summary>Sets a participant's role and permissions. The last owner cannot be made anything else (409).</summary>
[Requires(Scope = ApiScopes.CasesWrite)]
[CaseAccess(CasePermission.ManageParticipants)]
internal sealed record ChangeParticipant(Guid CaseId, Guid UserId, ParticipantAccess Access) : ICommand<ParticipantDto>, ICaseRequest;

internal sealed class ChangeParticipantHandler(CasesDbContext db, CaseCaller caller, ICurrentUser user, IIdentityModule identity, TimeProvider clock)
    : ICommandHandler<ChangeParticipant, ParticipantDto>
{
    public async Task<Result<ParticipantDto>> Handle(ChangeParticipant request, CancellationToken cancellationToken)
    {
        var parsed = ParticipantRules.Parse(request.Access.Role, request.Access.Permissions);
        if (parsed.IsFailure)
        {
            return parsed.Error;
        }

        var (role, granted) = parsed.Value;
        var changed = await db.LockCaseAsync(request.CaseId, cancellationToken);
        var participant = await db.FindParticipantAsync(changed.Id, new UserId(request.UserId), cancellationToken);
        if (participant is null)
        {
            return CasesErrors.ParticipantNotFound;
        }

        if (ParticipantRules.MayTouch(caller, participant.Role, role) is { } refused)
        {
            return refused;
        }

        if (role != CaseRole.Owner && await db.IsLastOwnerAsync(changed.Id, participant, cancellationToken))
        {
            return CasesErrors.LastOwner;
        }

        var now = clock.NowForDatabase();
        var previous = participant.Role;
        participant.Change(role, granted, now);
        changed.Touch(now);
        db.Publish(new CaseParticipantChanged(changed.Id, request.UserId, user.Id.Value, ApiEnum<CaseRole>.NameOf(role), now, ApiEnum<CaseRole>.NameOf(previous)));
        return await identity.DescribeAsync(participant, cancellationToken);
    }
}

internal sealed class ChangeParticipantEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.V1.MapPut("/cases/{id}/participants/{userId}", async (Guid id, Guid userId, ParticipantAccess access, ISender sender, CancellationToken ct) =>
                (await sender.Send(new ChangeParticipant(id, userId, access), ct)).ToOk())
            .RequireScope(ApiScopes.CasesWrite).WithTags("Cases")
            .WithName("changeCaseParticipant").Produces<ParticipantDto>().ProducesProblem(409)
            .WithSummary("Set a participant's role and permissions (permissions left out: the role's defaults)");
}
