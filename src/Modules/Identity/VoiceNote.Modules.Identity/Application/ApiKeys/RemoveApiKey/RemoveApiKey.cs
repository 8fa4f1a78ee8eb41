using Microsoft.EntityFrameworkCore;
using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Modules.Identity.Application.Common;
using VoiceNote.Modules.Identity.Contracts;
using VoiceNote.Modules.Identity.Infrastructure.Persistence;

namespace VoiceNote.Modules.Identity.Application.ApiKeys.RemoveApiKey;

/// <summary>Forget the caller's key for a provider; their jobs fall back to the local engines.</summary>
[Requires(Scope = ApiScopes.ProfileWrite)]
internal sealed record RemoveApiKey(ApiKeyProvider Provider) : ICommand;

internal sealed class RemoveApiKeyHandler(IdentityDbContext db, ICurrentUser caller) : ICommandHandler<RemoveApiKey>
{
    public async Task<Result> Handle(RemoveApiKey request, CancellationToken cancellationToken)
    {
        if (!caller.IsInteractive())
        {
            return IdentityErrors.InteractiveOnly;
        }

        // The owner filter: another user's key is simply not found.
        var stored = await db.ApiKeys.FirstOrDefaultAsync(k => k.Provider == request.Provider, cancellationToken);
        if (stored is null)
        {
            return IdentityErrors.ApiKeyNotFound;
        }

        db.ApiKeys.Remove(stored);
        return Result.Success();
    }
}

internal sealed class RemoveApiKeyEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.V1.MapDelete("/me/api-keys/{provider}", async (string provider, ISender sender, CancellationToken ct) =>
                ApiKeyProviderNames.TryParse(provider, out var known)
                    ? (await sender.Send(new RemoveApiKey(known), ct)).ToNoContent()
                    : ProblemResults.From(IdentityErrors.UnknownProvider))
            .RequireInteractiveUser()
            .RequireScope(ApiScopes.ProfileWrite)
            .WithTags("API keys")
            .WithName("removeApiKey").Produces(StatusCodes.Status204NoContent)
            .WithSummary("Remove the stored key for a provider");
}
