using Microsoft.AspNetCore.Mvc;
using VoiceNote.Application.Messaging;
using VoiceNote.Application.Paging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Infrastructure.Http.Json;
using VoiceNote.Modules.Notes.Domain;

namespace VoiceNote.Modules.Notes.Application.Notes.ListNotes;

/// <summary>
/// The query string of a note list, as sent; parsed into a <see cref="ListNotes"/> with one error per bad
/// field. The names are given so the OpenAPI document shows them as clients send them (camelCase).
/// </summary>
internal sealed record ListNotesQuery(
    [FromQuery(Name = "status")] string? Status,
    [FromQuery(Name = "priority")] string? Priority,
    [FromQuery(Name = "pinned")] bool? Pinned,
    [FromQuery(Name = "liked")] bool? Liked,
    [FromQuery(Name = "archived")] bool? Archived,
    [FromQuery(Name = "deleted")] bool? Deleted,
    [FromQuery(Name = "from")] DateTimeOffset? From,
    [FromQuery(Name = "to")] DateTimeOffset? To,
    [FromQuery(Name = "hasOpenTasks")] bool? HasOpenTasks,
    [FromQuery(Name = "sort")] string? Sort,
    [FromQuery(Name = "limit")] int? Limit,
    [FromQuery(Name = "cursor")] string? Cursor,
    [FromQuery(Name = "includeTotal")] bool? IncludeTotal)
{
    public Result<ListNotes> Parse(bool? deletedOverride = null)
    {
        var errors = new Dictionary<string, string[]>();
        NoteStatus? status = null;
        NotePriority? priority = null;
        var sort = NoteSort.Newest;
        if (Status is not null)
        {
            if (ApiEnum<NoteStatus>.TryParse(Status, out var s))
            {
                status = s;
            }
            else
            {
                errors["status"] = [$"Use one of {string.Join(", ", ApiEnum<NoteStatus>.Names)}."];
            }
        }

        if (Priority is not null)
        {
            if (ApiEnum<NotePriority>.TryParse(Priority, out var p))
            {
                priority = p;
            }
            else
            {
                errors["priority"] = [$"Use one of {string.Join(", ", ApiEnum<NotePriority>.Names)}."];
            }
        }

        if (Sort is not null)
        {
            if (ApiEnum<NoteSort>.TryParse(Sort, out var parsed))
            {
                sort = parsed;
            }
            else
            {
                errors["sort"] = [$"Use one of {string.Join(", ", ApiEnum<NoteSort>.Names)}."];
            }
        }

        var limit = Limit ?? PageQuery.DefaultLimit;
        if (limit is < 1 or > PageQuery.MaxLimit)
        {
            errors["limit"] = [$"Use 1 to {PageQuery.MaxLimit}."];
        }

        if (From is { } from && To is { } to && to <= from)
        {
            errors["to"] = ["'to' must be after 'from'."];
        }

        if (errors.Count > 0)
        {
            return new ValidationError(errors);
        }

        var filter = new NoteFilter(status, priority, Pinned, Liked, Archived, deletedOverride ?? Deleted ?? false, From?.ToUniversalTime(), To?.ToUniversalTime(), HasOpenTasks);
        return new ListNotes(filter, sort, limit, string.IsNullOrEmpty(Cursor) ? null : Cursor, IncludeTotal ?? false);
    }
}

internal sealed class ListNotesEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes)
    {
        routes.V1.MapGet("/notes", async ([AsParameters] ListNotesQuery query, HttpContext http, ISender sender, CancellationToken ct) =>
                await Send(query.Parse(), http, sender, ct))
            .RequireScope(ApiScopes.NotesRead)
            .WithTags("Notes")
            .WithName("listNotes").Produces<Page<NoteListItem>>()
            .WithSummary("The caller's notes: filters, sort (newest, oldest, updated, priority), keyset cursor paging (20 per page)");

        routes.V1.MapGet("/notes/trash", async ([AsParameters] ListNotesQuery query, HttpContext http, ISender sender, CancellationToken ct) =>
                await Send(query.Parse(deletedOverride: true), http, sender, ct))
            .RequireScope(ApiScopes.NotesRead)
            .WithTags("Notes")
            .WithName("listTrashedNotes").Produces<Page<NoteListItem>>()
            .WithSummary("The caller's notes in the trash");
    }

    private static async Task<IResult> Send(Result<ListNotes> query, HttpContext http, ISender sender, CancellationToken ct) =>
        query.IsFailure ? ProblemResults.From(query.Error) : (await sender.Send(query.Value, ct)).ToPagedOk(http);
}
