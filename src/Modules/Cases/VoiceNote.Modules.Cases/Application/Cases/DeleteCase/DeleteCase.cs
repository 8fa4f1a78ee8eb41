using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Modules.Cases.Application.Access;
using VoiceNote.Modules.Cases.Application.Common;
using VoiceNote.Modules.Cases.Contracts;
using VoiceNote.Modules.Cases.Domain;
using VoiceNote.Modules.Cases.Infrastructure.Persistence;

namespace VoiceNote.Modules.Cases.Application.Cases.DeleteCase;

/// <summary>Moves a case to the trash (owners only): it leaves every participant's list, and only its owners can still read and restore it. Idempotent.</summary>
[Requires(Scope = ApiScopes.CasesWrite)]
[CaseAccess(CasePermission.Delete, InTrash = true)]
internal sealed record DeleteCase(Guid CaseId) : ICommand, ICaseRequest;

internal sealed class DeleteCaseHandler(CasesDbContext db, ICurrentUser caller, TimeProvider clock) : ICommandHandler<DeleteCase>
{
    public async Task<Result> Handle(DeleteCase request, CancellationToken cancellationToken)
    {
        var deleted = await db.LockCaseAsync(request.CaseId, cancellationToken);
        if (!deleted.IsDeleted)
        {
            var now = clock.NowForDatabase();
            deleted.SoftDelete(now);
            db.Publish(new CaseTrashChanged(deleted.Id, caller.Id.Value, InTrash: true, now));
        }

        return Result.Success();
    }
}

internal sealed class DeleteCaseEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.V1.MapDelete("/cases/{id}", async (Guid id, ISender sender, CancellationToken ct) => (await sender.Send(new DeleteCase(id), ct)).ToNoContent())
            .RequireScope(ApiScopes.CasesWrite).WithTags("Cases")
            .WithName("deleteCase").Produces(StatusCodes.Status204NoContent).WithSummary("Move a case to the trash (owners)");
}
