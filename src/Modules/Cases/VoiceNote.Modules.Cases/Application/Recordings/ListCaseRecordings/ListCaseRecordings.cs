using FluentValidation;
using Microsoft.EntityFrameworkCore;
using VoiceNote.Application.Messaging;
using VoiceNote.Application.Paging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Modules.AudioProcessing.Contracts;
using VoiceNote.Modules.Cases.Application.Access;
using VoiceNote.Modules.Cases.Domain;
using VoiceNote.Modules.Cases.Infrastructure.Persistence;

namespace VoiceNote.Modules.Cases.Application.Recordings.ListCaseRecordings;

/// <summary>A case's recordings, newest first, each with what AudioProcessing says of it and its current versions.</summary>
[Requires(Scope = ApiScopes.CasesRead)]
[CaseAccess(CasePermission.Read)]
internal sealed record ListCaseRecordings(Guid CaseId, PageQuery Page) : IQuery<Page<CaseRecordingDto>>, ICaseRequest;

internal sealed class ListCaseRecordingsValidator : AbstractValidator<ListCaseRecordings>
{
    public ListCaseRecordingsValidator() => RuleFor(q => q.Page).ValidPage();
}

/// <summary>Where a page of a case's recordings ends: (added at, audio id), newest first.</summary>
internal sealed record RecordingPosition(DateTimeOffset AddedAt, Guid AudioId);

internal sealed class ListCaseRecordingsHandler(CasesDbContext db, ICaseRecordings recordings) : IQueryHandler<ListCaseRecordings, Page<CaseRecordingDto>>
{
    public async Task<Result<Page<CaseRecordingDto>>> Handle(ListCaseRecordings request, CancellationToken cancellationToken)
    {
        if (!KeysetCursor.TryDecode(request.Page.Cursor, out RecordingPosition? after))
        {
            return KeysetCursor.Invalid;
        }

        var query = db.Recordings.AsNoTracking().Where(r => r.CaseId == request.CaseId);
        long? total = request.Page.CountsTotal ? await query.LongCountAsync(cancellationToken) : null;
        if (after is not null)
        {
            query = query.Where(r => r.AddedAt < after.AddedAt || (r.AddedAt == after.AddedAt && r.AudioId.CompareTo(after.AudioId) < 0));
        }

        var rows = await query.OrderByDescending(r => r.AddedAt).ThenByDescending(r => r.AudioId).Take(request.Page.Limit + 1).ToListAsync(cancellationToken);
        var page = KeysetPage.From(rows, request.Page.Limit, last => KeysetCursor.Encode(new RecordingPosition(last.AddedAt, last.AudioId)), total);
        var ids = page.Items.Select(r => r.AudioId).ToList();
        var described = (await recordings.DescribeAsync(ids, cancellationToken)).ToDictionary(r => r.AudioId);
        var current = await db.Versions.AsNoTracking().Where(v => ids.Contains(v.AudioId))
            .GroupBy(v => new { v.AudioId, v.Kind }).Select(g => new { g.Key.AudioId, g.Key.Kind, Number = g.Max(v => v.Number) })
            .ToListAsync(cancellationToken);
        int? Latest(Guid audioId, RecordingVersionKind kind) => current.FirstOrDefault(c => c.AudioId == audioId && c.Kind == kind)?.Number;

        // A recording its owner deleted meanwhile has nothing left to show.
        var items = page.Items.Where(r => described.ContainsKey(r.AudioId))
            .Select(r => CaseRecordingDto.From(r, described[r.AudioId], Latest(r.AudioId, RecordingVersionKind.Transcript), Latest(r.AudioId, RecordingVersionKind.Analysis)))
            .ToList();
        return new Page<CaseRecordingDto>(items, items.Count, total, page.NextCursor);
    }
}

internal sealed class ListCaseRecordingsEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.V1.MapGet("/cases/{id}/recordings", async (Guid id, [AsParameters] PageParameters paging, HttpContext http, ISender sender, CancellationToken ct) =>
                (await sender.Send(new ListCaseRecordings(id, paging.ToQuery()), ct)).ToPagedOk(http))
            .RequireScope(ApiScopes.CasesRead).WithTags("Cases")
            .WithName("listCaseRecordings").Produces<Page<CaseRecordingDto>>()
            .WithSummary("A case's recordings, newest first, with their current transcript and analysis versions");
}
