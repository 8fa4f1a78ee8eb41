using FluentValidation;
using Microsoft.EntityFrameworkCore;
using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Infrastructure.Http.Json;
using VoiceNote.Modules.Cases.Application.Access;
using VoiceNote.Modules.Cases.Application.Common;
using VoiceNote.Modules.Cases.Contracts;
using VoiceNote.Modules.Cases.Domain;
using VoiceNote.Modules.Cases.Infrastructure.Persistence;
using VoiceNote.Modules.Identity.Contracts;

namespace VoiceNote.Modules.Cases.Application.Participants.InviteParticipant;

/// <summary>Who to add: an existing account's email or username, a role, and optionally their own permissions (null: the role's defaults).</summary>
internal sealed record Invitation(string? Login, string? Role, IReadOnlyList<string>? Permissions);

/// <summary>Adds an existing user to the case. The account is found through Identity's contract, never its tables.</summary>
[Requires(Scope = ApiScopes.CasesWrite)]
[CaseAccess(CasePermission.ManageParticipants)]
internal sealed record InviteParticipant(Guid CaseId, Invitation Invitation) : ICommand<ParticipantDto>, ICaseRequest;

internal sealed class InviteParticipantValidator : AbstractValidator<InviteParticipant>
{
    public InviteParticipantValidator() =>
        RuleFor(c => c.Invitation.Login).NotEmpty().MaximumLength(CaseLimits.LoginLength).OverridePropertyName("login");
}

internal sealed class InviteParticipantHandler(CasesDbContext db, CaseCaller caller, ICurrentUser user, IIdentityModule identity, TimeProvider clock)
    : ICommandHandler<InviteParticipant, ParticipantDto>
{
    public async Task<Result<ParticipantDto>> Handle(InviteParticipant request, CancellationToken cancellationToken)
    {
        var parsed = ParticipantRules.Parse(request.Invitation.Role, request.Invitation.Permissions);
        if (parsed.IsFailure)
        {
            return parsed.Error;
        }

        var (role, granted) = parsed.Value;
        if (ParticipantRules.MayTouch(caller, current: null, wanted: role) is { } refused)
        {
            return refused;
        }

        var invited = await identity.FindUserAsync(request.Invitation.Login!, cancellationToken);
        if (invited is null)
        {
            return CasesErrors.UserNotFound;
        }

        var joined = await db.LockCaseAsync(request.CaseId, cancellationToken);
        if (await db.FindParticipantAsync(joined.Id, invited.UserId, cancellationToken) is not null)
        {
            return CasesErrors.AlreadyParticipant;
        }

        if (await db.Participants.CountAsync(p => p.CaseId == joined.Id, cancellationToken) >= ParticipantRules.ParticipantsPerCase)
        {
            return CasesErrors.TooManyParticipants;
        }

        var now = clock.NowForDatabase();
        var participant = CaseParticipant.Join(joined.Id, invited.UserId, role, granted, user.Id, now);
        db.Participants.Add(participant);
        joined.Touch(now);
        db.Publish(new CaseParticipantChanged(joined.Id, invited.UserId.Value, user.Id.Value, ApiEnum<CaseRole>.NameOf(role), now));
        return ParticipantDto.From(participant, invited);
    }
}

internal sealed class InviteParticipantEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.V1.MapPost("/cases/{id}/participants", async (Guid id, Invitation invitation, ISender sender, CancellationToken ct) =>
                (await sender.Send(new InviteParticipant(id, invitation), ct))
                    .ToHttp(added => TypedResults.Created($"/api/v1/cases/{id}/participants/{added.UserId}", added)))
            .RequireScope(ApiScopes.CasesWrite).WithTags("Cases")
            .WithName("inviteCaseParticipant").Produces<ParticipantDto>(StatusCodes.Status201Created).ProducesProblem(409)
            .WithSummary("Add an existing user (by email or username) to a case with a role and, optionally, their own permissions");
}
