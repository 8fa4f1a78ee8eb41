using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Modules.Cases.Application.Access;
using VoiceNote.Modules.Cases.Application.Common;
using VoiceNote.Modules.Cases.Contracts;
using VoiceNote.Modules.Cases.Domain;
using VoiceNote.Modules.Cases.Infrastructure.Persistence;

namespace VoiceNote.Modules.Cases.Application.Cases.RestoreCase;

/// <summary>Brings a case back from the trash (owners only), with its participants as they were. Idempotent.</summary>
[Requires(Scope = ApiScopes.CasesWrite)]
[CaseAccess(CasePermission.Delete, InTrash = true)]
internal sealed record RestoreCase(Guid CaseId) : ICommand, ICaseRequest;

internal sealed class RestoreCaseHandler(CasesDbContext db, ICurrentUser caller, TimeProvider clock) : ICommandHandler<RestoreCase>
{
    public async Task<Result> Handle(RestoreCase request, CancellationToken cancellationToken)
    {
        var restored = await db.LockCaseAsync(request.CaseId, cancellationToken);
        if (restored.IsDeleted)
        {
            var now = clock.NowForDatabase();
            restored.Restore(now);
            db.Publish(new CaseTrashChanged(restored.Id, caller.Id.Value, InTrash: false, now));
        }

        return Result.Success();
    }
}

internal sealed class RestoreCaseEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.V1.MapPost("/cases/{id}/restore", async (Guid id, ISender sender, CancellationToken ct) => (await sender.Send(new RestoreCase(id), ct)).ToNoContent())
            .RequireScope(ApiScopes.CasesWrite).WithTags("Cases")
            .WithName("restoreCase").Produces(StatusCodes.Status204NoContent).WithSummary("Restore a case from the trash (owners)");
}
