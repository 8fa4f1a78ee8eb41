using FluentValidation;
using Microsoft.EntityFrameworkCore;
using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Infrastructure.Persistence;
using VoiceNote.Modules.Identity.Application.Common;
using VoiceNote.Modules.Identity.Infrastructure.Persistence;
using VoiceNote.Modules.Identity.Infrastructure.Server;

namespace VoiceNote.Modules.Identity.Application.OAuth.Clients.UpdateClient;

/// <summary>
/// Rename, change scopes, enable or disable (PATCH: only the fields sent change). Disabling refuses the
/// client's live tokens at once; narrowed scopes apply to them at once too (see docs/decisions/0013).
/// </summary>
internal sealed record UpdateClient(Guid Id, string? Name, IReadOnlyList<string>? Scopes, bool? Enabled, IReadOnlyList<string>? RedirectUris = null) : ICommand<OAuthClientDto>;

internal sealed class UpdateClientValidator : AbstractValidator<UpdateClient>
{
    public UpdateClientValidator()
    {
        RuleFor(c => c.Name).ValidClientName().When(c => c.Name is not null);
        RuleFor(c => c.Scopes).ValidClientScopes().When(c => c.Scopes is not null);
        RuleFor(c => c.RedirectUris).ValidRedirectUris();
    }
}

internal sealed class UpdateClientHandler(IdentityDbContext db, ClientApplications applications, ICurrentUser caller, TimeProvider clock) : ICommandHandler<UpdateClient, OAuthClientDto>
{
    public async Task<Result<OAuthClientDto>> Handle(UpdateClient request, CancellationToken cancellationToken)
    {
        if (!caller.IsInteractive())
        {
            return IdentityErrors.InteractiveOnly;
        }

        var client = await db.OAuthClients.WithSpecification(new ClientById(request.Id)).FirstOrDefaultAsync(cancellationToken);
        if (client is null)
        {
            return IdentityErrors.OAuthClientNotFound;
        }

        if (request.Scopes is { } asked && !ClientRules.WithinCallersScopes(asked, caller))
        {
            return IdentityErrors.ScopeBeyondSession;
        }

        var disabling = client.Enabled && request.Enabled == false;
        client.Name = request.Name?.Trim() ?? client.Name;
        client.Scopes = request.Scopes is { } scopes ? ClientRules.NormalizeScopes(scopes) : client.Scopes;
        client.Enabled = request.Enabled ?? client.Enabled;
        client.RedirectUris = request.RedirectUris?.Distinct(StringComparer.Ordinal).ToList() ?? client.RedirectUris;
        client.UpdatedAt = clock.GetStoredNow();
        await applications.SavePartnerAsync(client, newSecret: null, cancellationToken);
        if (disabling)
        {
            await applications.RevokeTokensAsync(client.ClientId, cancellationToken);
        }

        return OAuthClientDto.From(client);
    }
}

internal sealed class UpdateClientEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.V1.MapPatch("/oauth-clients/{id}", async (Guid id, UpdateClientRequest body, ISender sender, CancellationToken ct) =>
                (await sender.Send(new UpdateClient(id, body.Name, body.Scopes, body.Enabled, body.RedirectUris), ct)).ToOk())
            .RequireInteractiveUser()
            .WithTags("OAuth clients")
            .WithName("updateClient").Produces<OAuthClientDto>()
            .WithSummary("Rename a partner client, change its scopes or redirect URIs, enable or disable it");

    internal sealed record UpdateClientRequest(string? Name, IReadOnlyList<string>? Scopes, bool? Enabled, IReadOnlyList<string>? RedirectUris);
}
