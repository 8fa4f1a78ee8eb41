using Mapster;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Infrastructure.Persistence;
using VoiceNote.Modules.AudioProcessing.Application.Common;
using VoiceNote.Modules.AudioProcessing.Infrastructure.Persistence;

namespace VoiceNote.Modules.AudioProcessing.Application.Library.GetAudio;

/// <summary>One of the caller's recordings (the owner filter hides everyone else's: another user's id is simply not found).</summary>
[Requires(Scope = ApiScopes.AudioRead)]
internal sealed record GetAudio(Guid Id) : IQuery<AudioFileDto>;

internal sealed class GetAudioHandler(AudioProcessingDbContext db) : IQueryHandler<GetAudio, AudioFileDto>
{
    public async Task<Result<AudioFileDto>> Handle(GetAudio request, CancellationToken cancellationToken)
    {
        var file = await db.AudioFiles.WithSpecification(new RecordingById(request.Id)).ProjectToType<AudioFileDto>(AudioMappings.Config).FirstOrDefaultAsync(cancellationToken);
        return file is null ? AudioErrors.NotFound : file;
    }
}

internal sealed class GetAudioEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.V1.MapGet("/audio/{id}", async (Guid id, ISender sender, CancellationToken ct) => (await sender.Send(new GetAudio(id), ct)).ToOk())
            .RequireScope(ApiScopes.AudioRead).WithTags("Audio")
            .WithName("getAudio").Produces<AudioFileDto>().WithSummary("One of the caller's recordings");
}
