using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Infrastructure.Persistence;
using VoiceNote.Modules.AudioProcessing.Application.Storage;
using VoiceNote.Modules.AudioProcessing.Infrastructure.Persistence;

namespace VoiceNote.Modules.AudioProcessing.Application.Library.DownloadAudio;

/// <summary>Where the bytes of one of the caller's recordings are, and how to label them; not found when the file is gone.</summary>
[Requires(Scope = ApiScopes.AudioRead)]
internal sealed record DownloadAudio(Guid Id) : IQuery<AudioContent>;

internal sealed record AudioContent(string Path, string ContentType);

internal sealed class DownloadAudioHandler(AudioProcessingDbContext db, IAudioStorage storage) : IQueryHandler<DownloadAudio, AudioContent>
{
    public async Task<Result<AudioContent>> Handle(DownloadAudio request, CancellationToken cancellationToken)
    {
        var file = await db.AudioFiles.WithSpecification(new StoredFileOfRecording(request.Id)).FirstOrDefaultAsync(cancellationToken);
        if (file is null)
        {
            return AudioErrors.NotFound;
        }

        var path = storage.PathOf(file.StorageKey);
        return File.Exists(path) ? new AudioContent(path, AudioContentTypes.Of(file.Format)) : AudioErrors.NotFound;
    }
}

internal sealed class DownloadAudioEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.V1.MapGet("/audio/{id}/content", async (Guid id, ISender sender, CancellationToken ct) =>
                (await sender.Send(new DownloadAudio(id), ct)).ToHttp(c => Results.File(c.Path, c.ContentType, enableRangeProcessing: true)))
            .RequireScope(ApiScopes.AudioRead).WithTags("Audio").WithName("downloadAudio")
            // Labelled with the stored format's type; 206 answers a Range request, 416 one past the end.
            .Produces(StatusCodes.Status200OK, typeof(Stream), AudioContentTypes.All[0], AudioContentTypes.All[1..])
            .Produces(StatusCodes.Status206PartialContent, typeof(Stream), AudioContentTypes.All[0], AudioContentTypes.All[1..])
            .ProducesProblem(416)
            .WithSummary("The recording's bytes, with HTTP range support for playback");
}
