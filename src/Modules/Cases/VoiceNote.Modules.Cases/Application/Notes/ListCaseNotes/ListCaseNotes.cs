using FluentValidation;
using Microsoft.EntityFrameworkCore;
using VoiceNote.Application.Messaging;
using VoiceNote.Application.Paging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Modules.Cases.Application.Access;
using VoiceNote.Modules.Cases.Domain;
using VoiceNote.Modules.Cases.Infrastructure.Persistence;
using VoiceNote.Modules.Identity.Contracts;
using VoiceNote.Modules.Notes.Contracts;

namespace VoiceNote.Modules.Cases.Application.Notes.ListCaseNotes;

/// <summary>
/// The notes of a case, most recently added first, keyset-paged on (added_at, note_id) (docs/decisions/0062). The
/// page is cut from the case's own links; the notes come from Notes' contract.
/// </summary>
[Requires(Scope = ApiScopes.CasesRead)]
[CaseAccess(CasePermission.Read)]
internal sealed record ListCaseNotes(Guid CaseId, PageQuery Page) : IQuery<Page<CaseNoteDto>>, ICaseRequest;

internal sealed class ListCaseNotesValidator : AbstractValidator<ListCaseNotes>
{
    public ListCaseNotesValidator() => RuleFor(q => q.Page).ValidPage();
}

internal sealed class ListCaseNotesHandler(CasesDbContext db, INotesModule notes, IIdentityModule identity) : IQueryHandler<ListCaseNotes, Page<CaseNoteDto>>
{
    public async Task<Result<Page<CaseNoteDto>>> Handle(ListCaseNotes request, CancellationToken cancellationToken)
    {
        if (!KeysetCursor.TryDecode(request.Page.Cursor, out TimePosition? after))
        {
            return KeysetCursor.Invalid;
        }

        var links = db.Notes.AsNoTracking().Where(n => n.CaseId == request.CaseId);
        var page = links;
        if (after is not null)
        {
            page = page.Where(n => EF.Functions.LessThan(ValueTuple.Create(n.AddedAt, n.NoteId), ValueTuple.Create(after.At, after.Id)));
        }

        var rows = await page.OrderByDescending(n => n.AddedAt).ThenByDescending(n => n.NoteId).Take(request.Page.Limit + 1).ToListAsync(cancellationToken);
        long? total = request.Page.CountsTotal ? await links.LongCountAsync(cancellationToken) : null;
        var cut = KeysetPage.From(rows, request.Page.Limit, last => new TimePosition(last.AddedAt, last.NoteId).Encode(), total);

        // A note purged a moment ago may still have its link until the event arrives: it is left out.
        var items = await cut.Items.DescribeAsync(notes, identity, cancellationToken);
        return new Page<CaseNoteDto>(items, items.Count, cut.Total, cut.NextCursor);
    }
}

internal sealed class ListCaseNotesEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.V1.MapGet("/cases/{id}/notes", async (Guid id, [AsParameters] PageParameters paging, HttpContext http, ISender sender, CancellationToken ct) =>
                (await sender.Send(new ListCaseNotes(id, paging.ToQuery()), ct)).ToPagedOk(http))
            .RequireScope(ApiScopes.CasesRead).WithTags("Cases")
            .WithName("listCaseNotes").Produces<Page<CaseNoteDto>>()
            .WithSummary("The notes of a case, most recently added first, cursor paging");
}
