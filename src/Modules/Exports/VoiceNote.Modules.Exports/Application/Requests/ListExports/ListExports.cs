using FluentValidation;
using Microsoft.EntityFrameworkCore;
using VoiceNote.Application.Messaging;
using VoiceNote.Application.Paging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Modules.Exports.Application.Common;
using VoiceNote.Modules.Exports.Infrastructure.Persistence;

namespace VoiceNote.Modules.Exports.Application.Requests.ListExports;

/// <summary>The caller's own exports, newest first, keyset-paged on (created_at, id) like every list (ADR 0062).</summary>
[Requires(Scope = ApiScopes.ExportsRead)]
internal sealed record ListExports(PageQuery Page) : IQuery<Page<ExportDto>>;

internal sealed class ListExportsValidator : AbstractValidator<ListExports>
{
    public ListExportsValidator() => RuleFor(q => q.Page).ValidPage();
}

internal sealed class ListExportsHandler(ExportsDbContext db, ICurrentUser caller) : IQueryHandler<ListExports, Page<ExportDto>>
{
    public async Task<Result<Page<ExportDto>>> Handle(ListExports request, CancellationToken cancellationToken)
    {
        if (!KeysetCursor.TryDecode(request.Page.Cursor, out TimePosition? after))
        {
            return KeysetCursor.Invalid;
        }

        var me = caller.Id.Value;
        var mine = db.Exports.AsNoTracking().Where(e => e.OwnerId == me);
        var query = after is null
            ? mine
            : mine.Where(e => EF.Functions.LessThan(ValueTuple.Create(e.CreatedAt, e.Id), ValueTuple.Create(after.At, after.Id)));
        var limit = request.Page.Limit;
        var rows = await query.OrderByDescending(e => e.CreatedAt).ThenByDescending(e => e.Id).Take(limit + 1).ToListAsync(cancellationToken);
        long? total = request.Page.CountsTotal ? await mine.LongCountAsync(cancellationToken) : null;
        var page = KeysetPage.From(rows, limit, e => new TimePosition(e.CreatedAt, e.Id).Encode(), total);

        var ids = page.Items.Select(e => e.Id).ToList();
        var jobs = await db.Jobs.AsNoTracking().Where(j => ids.Contains(j.Id)).ToDictionaryAsync(j => j.Id, cancellationToken);
        return new Page<ExportDto>(page.Items.Select(e => ExportDto.From(e, jobs.GetValueOrDefault(e.Id))).ToList(), page.Items.Count, total, page.NextCursor);
    }
}

internal sealed class ListExportsEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.V1.MapGet("/exports", async ([AsParameters] PageParameters paging, HttpContext http, ISender sender, CancellationToken ct) =>
                (await sender.Send(new ListExports(paging.ToQuery()), ct)).ToPagedOk(http))
            .RequireScope(ApiScopes.ExportsRead).WithTags("Exports")
            .WithName("listExports").Produces<Page<ExportDto>>()
            .WithSummary("Your exports, newest first (limit, cursor); each is kept for a day after it finishes");
}
