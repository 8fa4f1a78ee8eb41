using Microsoft.EntityFrameworkCore;
using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Modules.Cases.Application.Access;
using VoiceNote.Modules.Cases.Application.Common;
using VoiceNote.Modules.Cases.Contracts;
using VoiceNote.Modules.Cases.Domain;
using VoiceNote.Modules.Cases.Infrastructure.Persistence;

namespace VoiceNote.Modules.Cases.Application.Recordings.DetachRecording;

/// <summary>
/// Takes an attached recording out of the case; it stays in its owner's library. Its owner or somebody who may edit
/// the case does it; a recording uploaded into the case stays with it (409). Its versions go once no case holds it.
/// </summary>
[Requires(Scope = ApiScopes.CasesWrite)]
[CaseAccess(CasePermission.UploadAudio)]
internal sealed record DetachRecording(Guid CaseId, Guid AudioId) : ICommand, ICaseRequest;

internal sealed class DetachRecordingHandler(CasesDbContext db, CaseCaller caller, ICurrentUser user, TimeProvider clock) : ICommandHandler<DetachRecording>
{
    public async Task<Result> Handle(DetachRecording request, CancellationToken cancellationToken)
    {
        var row = await db.Recordings.FirstOrDefaultAsync(r => r.CaseId == request.CaseId && r.AudioId == request.AudioId, cancellationToken);
        if (row is null)
        {
            return CasesErrors.RecordingNotFound;
        }

        if (row.Source == CaseRecordingSource.Uploaded)
        {
            return CasesErrors.RecordingStoredHere;
        }

        if (row.OwnerId != user.Id.Value && !caller.Permissions.HasFlag(CasePermission.Edit))
        {
            return CasesErrors.NotYourRecording;
        }

        db.Recordings.Remove(row);
        db.Publish(new CaseRecordingChanged(request.CaseId, request.AudioId, user.Id.Value, Added: false, clock.NowForDatabase()));
        await db.SaveChangesAsync(cancellationToken);
        await db.ForgetUnheldVersionsAsync(request.AudioId, cancellationToken);
        return Result.Success();
    }
}

internal sealed class DetachRecordingEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.V1.MapDelete("/cases/{id}/recordings/{audioId}", async (Guid id, Guid audioId, ISender sender, CancellationToken ct) =>
                (await sender.Send(new DetachRecording(id, audioId), ct)).ToNoContent())
            .RequireScope(ApiScopes.CasesWrite).WithTags("Cases")
            .WithName("detachCaseRecording").Produces(StatusCodes.Status204NoContent).ProducesProblem(409)
            .WithSummary("Detach an attached recording from a case; it stays in its owner's library");
}
