using Microsoft.EntityFrameworkCore;
using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Modules.Cases.Application.Access;
using VoiceNote.Modules.Cases.Domain;
using VoiceNote.Modules.Cases.Infrastructure.Persistence;
using VoiceNote.Modules.Identity.Contracts;

namespace VoiceNote.Modules.Cases.Application.Participants.ListParticipants;

/// <summary>Who takes part in a case, owners first; names come from Identity's contract. At most 200, so no paging.</summary>
[Requires(Scope = ApiScopes.CasesRead)]
[CaseAccess(CasePermission.Read)]
internal sealed record ListParticipants(Guid CaseId) : IQuery<IReadOnlyList<ParticipantDto>>, ICaseRequest;

internal sealed class ListParticipantsHandler(CasesDbContext db, IIdentityModule identity) : IQueryHandler<ListParticipants, IReadOnlyList<ParticipantDto>>
{
    public async Task<Result<IReadOnlyList<ParticipantDto>>> Handle(ListParticipants request, CancellationToken cancellationToken)
    {
        var participants = await db.Participants.AsNoTracking().Where(p => p.CaseId == request.CaseId)
            .OrderBy(p => p.AddedAt).ThenBy(p => p.UserId).ToListAsync(cancellationToken);
        var users = (await identity.GetUsersAsync(participants.Select(p => p.UserId).ToList(), cancellationToken)).ToDictionary(u => u.UserId);
        return participants.OrderBy(p => p.Role).Select(p => ParticipantDto.From(p, users.GetValueOrDefault(p.UserId))).ToList();
    }
}

internal sealed class ListParticipantsEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.V1.MapGet("/cases/{id}/participants", async (Guid id, ISender sender, CancellationToken ct) => (await sender.Send(new ListParticipants(id), ct)).ToOk())
            .RequireScope(ApiScopes.CasesRead).WithTags("Cases")
            .WithName("listCaseParticipants").Produces<IReadOnlyList<ParticipantDto>>()
            .WithSummary("Who takes part in a case, with their roles and permissions");
}
