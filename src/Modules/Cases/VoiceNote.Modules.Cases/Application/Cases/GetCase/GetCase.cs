using Microsoft.EntityFrameworkCore;
using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Modules.Cases.Application.Access;
using VoiceNote.Modules.Cases.Application.Common;
using VoiceNote.Modules.Cases.Domain;
using VoiceNote.Modules.Cases.Infrastructure.Persistence;

namespace VoiceNote.Modules.Cases.Application.Cases.GetCase;

/// <summary>A case the caller takes part in, with its ETag; an owner can still read it in the trash.</summary>
[Requires(Scope = ApiScopes.CasesRead)]
[CaseAccess(CasePermission.Read, InTrash = true)]
internal sealed record GetCase(Guid CaseId) : IQuery<CaseDto>, ICaseRequest;

internal sealed class GetCaseHandler(CasesDbContext db, CaseCaller caller) : IQueryHandler<GetCase, CaseDto>
{
    public async Task<Result<CaseDto>> Handle(GetCase request, CancellationToken cancellationToken)
    {
        var found = await db.Cases.AsNoTracking().FirstAsync(c => c.Id == request.CaseId, cancellationToken);
        return CaseDto.From(found, caller.Role, caller.Permissions);
    }
}

internal sealed class GetCaseEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.V1.MapGet("/cases/{id}", async (Guid id, HttpContext http, ISender sender, CancellationToken ct) => (await sender.Send(new GetCase(id), ct)).ToTaggedOk(http))
            .RequireScope(ApiScopes.CasesRead)
            .WithTags("Cases")
            .WithName("getCase").Produces<CaseDto>().Produces(StatusCodes.Status304NotModified)
            .WithSummary("A case the caller takes part in, with the caller's role and permissions in it");
}
