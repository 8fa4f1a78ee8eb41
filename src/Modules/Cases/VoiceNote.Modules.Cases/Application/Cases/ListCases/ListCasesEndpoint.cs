using Microsoft.AspNetCore.Mvc;
using VoiceNote.Application.Messaging;
using VoiceNote.Application.Paging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Infrastructure.Http.Json;
using VoiceNote.Modules.Cases.Domain;

namespace VoiceNote.Modules.Cases.Application.Cases.ListCases;

/// <summary>The query string of a case list, as sent; parsed into a <see cref="ListCases"/> with one error per bad field.</summary>
internal sealed record ListCasesQuery(
    [FromQuery(Name = "status")] string? Status,
    [FromQuery(Name = "priority")] string? Priority,
    [FromQuery(Name = "role")] string? Role,
    [FromQuery(Name = "q")] string? Q,
    [FromQuery(Name = "participant")] string? Participant,
    [FromQuery(Name = "createdFrom")] DateTimeOffset? CreatedFrom,
    [FromQuery(Name = "createdTo")] DateTimeOffset? CreatedTo,
    [FromQuery(Name = "updatedFrom")] DateTimeOffset? UpdatedFrom,
    [FromQuery(Name = "updatedTo")] DateTimeOffset? UpdatedTo,
    [FromQuery(Name = "deleted")] bool? Deleted,
    [FromQuery(Name = "limit")] int? Limit,
    [FromQuery(Name = "cursor")] string? Cursor,
    [FromQuery(Name = "includeTotal")] bool? IncludeTotal)
{
    public const int MaxTextLength = 200;

    public Result<ListCases> Parse()
    {
        var errors = new Dictionary<string, string[]>();
        CaseRole? role = null;
        if (Role is not null)
        {
            if (ApiEnum<CaseRole>.TryParse(Role, out var parsed))
            {
                role = parsed;
            }
            else
            {
                errors["role"] = [$"Use one of {string.Join(", ", ApiEnum<CaseRole>.Names)}."];
            }
        }

        var limit = Limit ?? PageQuery.DefaultLimit;
        if (limit is < 1 or > PageQuery.MaxLimit)
        {
            errors["limit"] = [$"Use 1 to {PageQuery.MaxLimit}."];
        }

        if (Q is { Length: > MaxTextLength })
        {
            errors["q"] = [$"Use at most {MaxTextLength} characters."];
        }

        if (Participant is { Length: > CaseLimits.LoginLength })
        {
            errors["participant"] = [$"Use a user id, a username or an email of at most {CaseLimits.LoginLength} characters."];
        }

        if (CreatedFrom is { } createdFrom && CreatedTo is { } createdTo && createdTo <= createdFrom)
        {
            errors["createdTo"] = ["'createdTo' must be after 'createdFrom'."];
        }

        if (UpdatedFrom is { } updatedFrom && UpdatedTo is { } updatedTo && updatedTo <= updatedFrom)
        {
            errors["updatedTo"] = ["'updatedTo' must be after 'updatedFrom'."];
        }

        if (errors.Count > 0)
        {
            return new ValidationError(errors);
        }

        var filter = new CaseFilter(
            string.IsNullOrWhiteSpace(Status) ? null : Status.Trim().ToUpperInvariant(),
            string.IsNullOrWhiteSpace(Priority) ? null : Priority.Trim().ToUpperInvariant(),
            role,
            string.IsNullOrWhiteSpace(Q) ? null : Q.Trim(),
            Deleted ?? false,
            string.IsNullOrWhiteSpace(Participant) ? null : Participant.Trim(),
            CreatedFrom?.ToUniversalTime(),
            CreatedTo?.ToUniversalTime(),
            UpdatedFrom?.ToUniversalTime(),
            UpdatedTo?.ToUniversalTime());
        return new ListCases(filter, new PageQuery(limit, string.IsNullOrEmpty(Cursor) ? null : Cursor, IncludeTotal ?? false));
    }
}

internal sealed class ListCasesEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.V1.MapGet("/cases", async ([AsParameters] ListCasesQuery query, HttpContext http, ISender sender, CancellationToken ct) =>
            {
                var parsed = query.Parse();
                return parsed.IsFailure ? ProblemResults.From(parsed.Error) : (await sender.Send(parsed.Value, ct)).ToPagedOk(http);
            })
            .RequireScope(ApiScopes.CasesRead)
            .WithTags("Cases")
            .WithName("listCases").Produces<Page<CaseListItem>>()
            .WithSummary("The cases the caller takes part in: filters (status, priority, role, participant, created and updated from/to, q on title and code, deleted), heaviest priority then most recently changed first, cursor paging");
}
