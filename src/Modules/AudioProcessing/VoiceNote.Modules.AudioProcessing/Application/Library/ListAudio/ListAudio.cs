using FluentValidation;
using Mapster;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using VoiceNote.Application.Messaging;
using VoiceNote.Application.Paging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Infrastructure.Persistence;
using VoiceNote.Modules.AudioProcessing.Application.Common;
using VoiceNote.Modules.AudioProcessing.Infrastructure.Persistence;

namespace VoiceNote.Modules.AudioProcessing.Application.Library.ListAudio;

/// <summary>The caller's recordings (the archived ones when asked), newest first, keyset-paged on (created_at, id).</summary>
[Requires(Scope = ApiScopes.AudioRead)]
internal sealed record ListAudio(bool Archived, PageQuery Page) : IQuery<Page<AudioFileDto>>;

internal sealed class ListAudioValidator : AbstractValidator<ListAudio>
{
    public ListAudioValidator() => RuleFor(q => q.Page).ValidPage();
}

internal sealed class ListAudioHandler(AudioProcessingDbContext db) : IQueryHandler<ListAudio, Page<AudioFileDto>>
{
    public async Task<Result<Page<AudioFileDto>>> Handle(ListAudio request, CancellationToken cancellationToken)
    {
        if (!KeysetCursor.TryDecode(request.Page.Cursor, out TimePosition? after))
        {
            return KeysetCursor.Invalid;
        }

        var rows = await db.AudioFiles.WithSpecification(new RecordingsOfOwnerPage(request.Archived, after, request.Page.Limit))
            .ProjectToType<AudioFileDto>(AudioMappings.Config)
            .ToListAsync(cancellationToken);
        long? total = request.Page.CountsTotal
            ? await db.AudioFiles.WithSpecification(new RecordingsOfOwner(request.Archived)).LongCountAsync(cancellationToken)
            : null;
        return KeysetPage.From(rows, request.Page.Limit, last => new TimePosition(last.CreatedAt, last.Id).Encode(), total);
    }
}

internal sealed class ListAudioEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.V1.MapGet("/audio", async ([AsParameters] PageParameters paging, HttpContext http, ISender sender, CancellationToken ct, bool archived = false) =>
                (await sender.Send(new ListAudio(archived, paging.ToQuery()), ct)).ToPagedOk(http))
            .RequireScope(ApiScopes.AudioRead).WithTags("Audio")
            .WithName("listAudio").Produces<Page<AudioFileDto>>().WithSummary("The caller's recordings, newest first, cursor-paged (limit, cursor)");
}
