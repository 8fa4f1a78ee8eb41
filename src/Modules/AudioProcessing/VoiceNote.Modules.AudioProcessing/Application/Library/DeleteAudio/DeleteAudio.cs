using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Infrastructure.Jobs;
using VoiceNote.Infrastructure.Persistence;
using VoiceNote.Modules.AudioProcessing.Application.Common;
using VoiceNote.Modules.AudioProcessing.Application.Storage;
using VoiceNote.Modules.AudioProcessing.Contracts;
using VoiceNote.Modules.AudioProcessing.Infrastructure.Persistence;

namespace VoiceNote.Modules.AudioProcessing.Application.Library.DeleteAudio;

/// <summary>
/// Deletes one of the caller's recordings: its row (its transcript and analysis versions go with it),
/// then, once that is committed, its file and working folder. A crash between the two leaves an orphan
/// file, never a row without its file. A job still queued has nothing left to do and is cancelled.
/// </summary>
[Requires(Scope = ApiScopes.AudioWrite)]
internal sealed record DeleteAudio(Guid Id) : ICommand;

internal sealed class DeleteAudioHandler(AudioProcessingDbContext db, IAudioStorage storage, FileSteps fileSteps, JobQueue<AudioProcessingDbContext> jobs, TimeProvider clock)
    : ICommandHandler<DeleteAudio>
{
    public async Task<Result> Handle(DeleteAudio request, CancellationToken cancellationToken)
    {
        var file = await db.AudioFiles.WithSpecification(new RecordingById(request.Id)).FirstOrDefaultAsync(cancellationToken);
        if (file is null)
        {
            return AudioErrors.NotFound;
        }

        db.AudioFiles.Remove(file);
        db.Publish(new AudioDeleted(file.Id, file.OwnerId.Value, clock.GetUtcNow(), file.CaseId));
        await db.SaveChangesAsync(cancellationToken);
        if (file.ProcessingJobId is { } job)
        {
            await jobs.CancelAsync(job, cancellationToken);
        }

        fileSteps.AfterCommit(() =>
        {
            storage.Delete(file.StorageKey);
            storage.DeleteWork(file.Id);
        });
        return Result.Success();
    }
}

internal sealed class DeleteAudioEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.V1.MapDelete("/audio/{id}", async (Guid id, ISender sender, CancellationToken ct) => (await sender.Send(new DeleteAudio(id), ct)).ToNoContent())
            .RequireScope(ApiScopes.AudioWrite).WithTags("Audio")
            .WithName("deleteAudio").Produces(StatusCodes.Status204NoContent).WithSummary("Delete a recording and its file");
}
