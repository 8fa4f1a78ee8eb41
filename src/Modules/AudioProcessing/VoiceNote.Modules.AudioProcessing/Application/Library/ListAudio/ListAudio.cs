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

namespace VoiceNote.Modules.AudioProcessing.Application.Library.ListAudio;

/// <summary>The caller's recordings, newest first; an out-of-range page or size is brought into range rather than refused.</summary>
[Requires(Scope = ApiScopes.AudioRead)]
internal sealed record ListAudio(int Page, int Size, bool Archived) : IQuery<AudioPage>;

internal sealed record AudioPage(IReadOnlyList<AudioFileDto> Items, int Page, int Size, long Total);

internal sealed class ListAudioHandler(AudioProcessingDbContext db) : IQueryHandler<ListAudio, AudioPage>
{
    public const int MaxPageSize = 100;

    public async Task<Result<AudioPage>> Handle(ListAudio request, CancellationToken cancellationToken)
    {
        var page = Math.Max(request.Page, 1);
        var size = Math.Clamp(request.Size, 1, MaxPageSize);
        var total = await db.AudioFiles.WithSpecification(new RecordingsOfOwner(request.Archived)).LongCountAsync(cancellationToken);
        var items = await db.AudioFiles.WithSpecification(new RecordingsOfOwnerPage(request.Archived, (page - 1) * size, size))
            .ProjectToType<AudioFileDto>(AudioMappings.Config)
            .ToListAsync(cancellationToken);
        return new AudioPage(items, page, size, total);
    }
}

internal sealed class ListAudioEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.V1.MapGet("/audio", async (ISender sender, CancellationToken ct, int page = 1, int size = 20, bool archived = false) =>
                (await sender.Send(new ListAudio(page, size, archived), ct)).ToOk())
            .RequireScope(ApiScopes.AudioRead).WithTags("Audio")
            .WithName("listAudio").Produces<AudioPage>().WithSummary("The caller's recordings, newest first, paged");
}
