using Microsoft.EntityFrameworkCore;
using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Modules.Cases.Infrastructure.Persistence;

namespace VoiceNote.Modules.Cases.Application.Cases.CaseLookups;

/// <summary>A status a case can have: the codes clients send and filter by.</summary>
internal sealed record CaseStatusDto(string Code, string Description, bool IsActive);

/// <summary>A priority a case can have; lists sort by its weight, heaviest first.</summary>
internal sealed record CasePriorityDto(string Code, string Description, int Weight, bool IsActive);

/// <summary>The status table, in its order; retired statuses too (IsActive false), since old cases may still have them.</summary>
[Requires(Scope = ApiScopes.CasesRead)]
internal sealed record ListCaseStatuses : IQuery<IReadOnlyList<CaseStatusDto>>;

/// <summary>The priority table, heaviest first.</summary>
[Requires(Scope = ApiScopes.CasesRead)]
internal sealed record ListCasePriorities : IQuery<IReadOnlyList<CasePriorityDto>>;

internal sealed class ListCaseStatusesHandler(CasesDbContext db) : IQueryHandler<ListCaseStatuses, IReadOnlyList<CaseStatusDto>>
{
    public async Task<Result<IReadOnlyList<CaseStatusDto>>> Handle(ListCaseStatuses request, CancellationToken cancellationToken) =>
        await db.Statuses.AsNoTracking().OrderBy(s => s.Position).ThenBy(s => s.Code)
            .Select(s => new CaseStatusDto(s.Code, s.Description, s.IsActive)).ToListAsync(cancellationToken);
}

internal sealed class ListCasePrioritiesHandler(CasesDbContext db) : IQueryHandler<ListCasePriorities, IReadOnlyList<CasePriorityDto>>
{
    public async Task<Result<IReadOnlyList<CasePriorityDto>>> Handle(ListCasePriorities request, CancellationToken cancellationToken) =>
        await db.Priorities.AsNoTracking().OrderByDescending(p => p.Weight).ThenBy(p => p.Code)
            .Select(p => new CasePriorityDto(p.Code, p.Description, p.Weight, p.IsActive)).ToListAsync(cancellationToken);
}

internal sealed class CaseLookupsEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes)
    {
        routes.V1.MapGet("/cases/statuses", async (ISender sender, CancellationToken ct) => (await sender.Send(new ListCaseStatuses(), ct)).ToOk())
            .RequireScope(ApiScopes.CasesRead).WithTags("Cases")
            .WithName("listCaseStatuses").Produces<IReadOnlyList<CaseStatusDto>>().WithSummary("The statuses a case can have");

        routes.V1.MapGet("/cases/priorities", async (ISender sender, CancellationToken ct) => (await sender.Send(new ListCasePriorities(), ct)).ToOk())
            .RequireScope(ApiScopes.CasesRead).WithTags("Cases")
            .WithName("listCasePriorities").Produces<IReadOnlyList<CasePriorityDto>>().WithSummary("The priorities a case can have, heaviest first");
    }
}
