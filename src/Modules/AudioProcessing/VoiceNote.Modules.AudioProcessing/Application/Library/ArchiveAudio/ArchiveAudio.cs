using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Infrastructure.Persistence;
using VoiceNote.Modules.AudioProcessing.Application.Common;
using VoiceNote.Modules.AudioProcessing.Application.Storage;
using VoiceNote.Modules.AudioProcessing.Contracts;
using VoiceNote.Modules.AudioProcessing.Infrastructure.Persistence;

namespace VoiceNote.Modules.AudioProcessing.Application.Library.ArchiveAudio;

/// <summary>
/// Moves one of the caller's recordings to the archive area (<paramref name="Archived"/>) or back. The
/// file moves first and moves back unless the row's new place commits. Asking for the state it is in
/// changes nothing.
/// </summary>
[Requires(Scope = ApiScopes.AudioWrite)]
internal sealed record ArchiveAudio(Guid Id, bool Archived, string? Reason) : ICommand<AudioFileDto>;

internal sealed class ArchiveAudioValidator : AbstractValidator<ArchiveAudio>
{
    public ArchiveAudioValidator() =>
        RuleFor(r => r.Reason).MaximumLength(ArchiveAudioHandler.ReasonLength)
            .WithErrorCode(AudioErrors.InvalidFieldCode("reason")).WithMessage($"The archive reason is at most {ArchiveAudioHandler.ReasonLength} characters.");
}

internal sealed class ArchiveAudioHandler(AudioProcessingDbContext db, IAudioStorage storage, FileSteps fileSteps, TimeProvider clock)
    : ICommandHandler<ArchiveAudio, AudioFileDto>
{
    public const int ReasonLength = 500;

    public async Task<Result<AudioFileDto>> Handle(ArchiveAudio request, CancellationToken cancellationToken)
    {
        var file = await db.AudioFiles.WithSpecification(new RecordingById(request.Id)).FirstOrDefaultAsync(cancellationToken);
        if (file is null)
        {
            return AudioErrors.NotFound;
        }

        if (file.IsArchived == request.Archived)
        {
            return AudioFileDto.From(file);
        }

        var archived = request.Archived;
        var newKey = archived ? storage.Archive(file.StorageKey) : storage.Restore(file.StorageKey, file.CaseId);
        fileSteps.UndoUnlessCommitted(() => _ = archived ? storage.Restore(newKey, file.CaseId) : storage.Archive(newKey));
        file.StorageKey = newKey;
        file.IsArchived = archived;
        file.ArchiveReason = archived ? request.Reason : null;
        file.UpdatedAt = clock.GetUtcNow();
        db.Publish(new AudioArchived(file.Id, file.OwnerId.Value, archived, file.UpdatedAt, file.CaseId));
        await db.SaveChangesAsync(cancellationToken);
        return AudioFileDto.From(file);
    }
}

internal sealed class ArchiveAudioEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes)
    {
        routes.V1.MapPost("/audio/{id}/archive", async (Guid id, ISender sender, CancellationToken ct, string? reason = null) =>
                (await sender.Send(new ArchiveAudio(id, true, reason), ct)).ToOk())
            .RequireScope(ApiScopes.AudioWrite).WithTags("Audio")
            .WithName("archiveAudio").Produces<AudioFileDto>().WithSummary("Move a recording to the archive area");
        routes.V1.MapPost("/audio/{id}/restore", async (Guid id, ISender sender, CancellationToken ct) =>
                (await sender.Send(new ArchiveAudio(id, false, null), ct)).ToOk())
            .RequireScope(ApiScopes.AudioWrite).WithTags("Audio")
            .WithName("restoreAudio").Produces<AudioFileDto>().WithSummary("Bring a recording back from the archive");
    }
}
