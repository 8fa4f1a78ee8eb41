using Mapster;
using Microsoft.EntityFrameworkCore;
using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Modules.Identity.Application.Common;
using VoiceNote.Modules.Identity.Infrastructure.Persistence;

namespace VoiceNote.Modules.Identity.Application.ApiKeys.ListApiKeys;

/// <summary>The caller's stored third-party keys, described (provider, last four, base URL, times), never revealed.</summary>
[Requires(Scope = ApiScopes.ProfileRead)]
internal sealed record ListApiKeys : IQuery<IReadOnlyList<ApiKeyDto>>;

internal sealed class ListApiKeysHandler(IdentityDbContext db, ICurrentUser caller) : IQueryHandler<ListApiKeys, IReadOnlyList<ApiKeyDto>>
{
    public async Task<Result<IReadOnlyList<ApiKeyDto>>> Handle(ListApiKeys request, CancellationToken cancellationToken)
    {
        if (!caller.IsInteractive())
        {
            return IdentityErrors.InteractiveOnly;
        }

        // The owner filter limits this to the caller's keys; the order is by the provider's API name, known only here.
        var keys = await db.ApiKeys.ProjectToType<ApiKeyDto>(IdentityMappings.Config).ToListAsync(cancellationToken);
        return keys.OrderBy(k => ApiKeyProviderNames.Of(k.Provider), StringComparer.Ordinal).ToList();
    }
}

internal sealed class ListApiKeysEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.V1.MapGet("/me/api-keys", async (ISender sender, CancellationToken ct) => (await sender.Send(new ListApiKeys(), ct)).ToOk())
            .RequireInteractiveUser()
            .RequireScope(ApiScopes.ProfileRead)
            .WithTags("API keys")
            .WithName("listApiKeys").Produces<IReadOnlyList<ApiKeyDto>>()
            .WithSummary("The third-party API keys stored for this account (last four characters only)");
}
