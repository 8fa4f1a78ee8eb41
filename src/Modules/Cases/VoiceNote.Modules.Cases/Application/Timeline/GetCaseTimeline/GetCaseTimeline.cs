using System.Text.Json;
using FluentValidation;
using VoiceNote.Application.Messaging;
using VoiceNote.Application.Paging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Primitives;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Modules.Activity.Contracts;
using VoiceNote.Modules.Cases.Application.Access;
using VoiceNote.Modules.Cases.Domain;
using VoiceNote.Modules.Identity.Contracts;

namespace VoiceNote.Modules.Cases.Application.Timeline.GetCaseTimeline;

/// <summary>
/// What happened in a case, newest first, for everybody who takes part in it (and its owners in the trash): read
/// from the activity log through its contract, with the actors' names, never their addresses (ADR 0078).
/// </summary>
[Requires(Scope = ApiScopes.CasesRead)]
[CaseAccess(CasePermission.Read, InTrash = true)]
internal sealed record GetCaseTimeline(Guid CaseId, PageQuery Page) : IQuery<Page<TimelineEntryDto>>, ICaseRequest;

/// <summary>
/// One step in a case: who (user id and display name while the account exists; the OAuth client), what (an activity
/// type, e.g. CASE_CREATED, PARTICIPANT_ADDED), which item, whom it concerned, when, and details (a reason, a role).
/// </summary>
internal sealed record TimelineEntryDto(
    Guid Id,
    string Type,
    DateTimeOffset At,
    Guid? ActorId,
    string? ActorName,
    string? ClientId,
    string? ItemType,
    Guid? ItemId,
    Guid? SubjectUserId,
    string? SubjectName,
    JsonElement? Details);

internal sealed class GetCaseTimelineValidator : AbstractValidator<GetCaseTimeline>
{
    public GetCaseTimelineValidator() => RuleFor(q => q.Page).ValidPage();
}

internal sealed class GetCaseTimelineHandler(IActivityModule activity, IIdentityModule identity) : IQueryHandler<GetCaseTimeline, Page<TimelineEntryDto>>
{
    public async Task<Result<Page<TimelineEntryDto>>> Handle(GetCaseTimeline request, CancellationToken cancellationToken)
    {
        if (!KeysetCursor.TryDecode(request.Page.Cursor, out TimePosition? after))
        {
            return KeysetCursor.Invalid;
        }

        var limit = request.Page.Limit;
        var position = after is null ? null : new ActivityPosition(after.At, after.Id);
        var rows = await activity.GetCaseTimelineAsync(request.CaseId, position, limit + 1, cancellationToken);
        long? total = request.Page.CountsTotal ? await activity.CountCaseTimelineAsync(request.CaseId, cancellationToken) : null;
        var page = KeysetPage.From(rows, limit, last => new TimePosition(last.At, last.Id).Encode(), total);

        var names = await NamesAsync(page.Items, cancellationToken);
        var items = page.Items.Select(e => new TimelineEntryDto(
                e.Id,
                e.Type,
                e.At,
                e.ActorUserId,
                e.ActorUserId is { } actor ? names.GetValueOrDefault(actor) : null,
                e.ActorClientId,
                e.ItemType,
                e.ItemId,
                e.SubjectUserId,
                e.SubjectUserId is { } subject ? names.GetValueOrDefault(subject) : null,
                Parse(e.Details)))
            .ToList();
        return new Page<TimelineEntryDto>(items, items.Count, total, page.NextCursor);
    }

    /// <summary>The people a page names, as they are now; a deleted account has no name.</summary>
    private async Task<IReadOnlyDictionary<Guid, string>> NamesAsync(IReadOnlyList<CaseActivity> entries, CancellationToken cancellationToken)
    {
        var people = entries.Select(e => e.ActorUserId).Concat(entries.Select(e => e.SubjectUserId)).OfType<Guid>().Distinct().Select(id => new UserId(id)).ToList();
        return people.Count == 0
            ? []
            : (await identity.GetUsersAsync(people, cancellationToken)).ToDictionary(u => u.UserId.Value, u => u.DisplayName);
    }

    private static JsonElement? Parse(string? details)
    {
        if (details is null)
        {
            return null;
        }

        using var document = JsonDocument.Parse(details);
        return document.RootElement.Clone();
    }
}

internal sealed class GetCaseTimelineEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.V1.MapGet("/cases/{id}/timeline", async (Guid id, [AsParameters] PageParameters paging, HttpContext http, ISender sender, CancellationToken ct) =>
                (await sender.Send(new GetCaseTimeline(id, paging.ToQuery()), ct)).ToPagedOk(http))
            .RequireScope(ApiScopes.CasesRead).WithTags("Cases")
            .WithName("getCaseTimeline").Produces<Page<TimelineEntryDto>>()
            .WithSummary("What happened in a case, newest first, with who did it and when (limit, cursor)");
}
