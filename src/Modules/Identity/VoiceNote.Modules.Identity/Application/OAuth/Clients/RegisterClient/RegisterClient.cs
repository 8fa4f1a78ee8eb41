using System.ComponentModel.DataAnnotations;
using FluentValidation;
using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Modules.Identity.Application.Common;
using VoiceNote.Modules.Identity.Domain;
using VoiceNote.Modules.Identity.Infrastructure.Persistence;
using VoiceNote.Modules.Identity.Infrastructure.Server;

namespace VoiceNote.Modules.Identity.Application.OAuth.Clients.RegisterClient;

/// <summary>Register a partner client that acts for the caller within the given scopes; its secret is shown in this answer only.</summary>
/// A client with redirect URIs may also use the authorization code flow (with PKCE) to act for any user who consents.
internal sealed record RegisterClient([Required] string? Name, [Required] IReadOnlyList<string>? Scopes, IReadOnlyList<string>? RedirectUris = null) : ICommand<IssuedOAuthClientDto>;

internal sealed class RegisterClientValidator : AbstractValidator<RegisterClient>
{
    public RegisterClientValidator()
    {
        RuleFor(c => c.Name).ValidClientName();
        RuleFor(c => c.Scopes).ValidClientScopes();
        RuleFor(c => c.RedirectUris).ValidRedirectUris();
    }
}

internal sealed class RegisterClientHandler(IdentityDbContext db, ClientApplications applications, ICurrentUser caller, TimeProvider clock) : ICommandHandler<RegisterClient, IssuedOAuthClientDto>
{
    public async Task<Result<IssuedOAuthClientDto>> Handle(RegisterClient request, CancellationToken cancellationToken)
    {
        if (!caller.IsInteractive())
        {
            return IdentityErrors.InteractiveOnly;
        }

        if (!ClientRules.WithinCallersScopes(request.Scopes!, caller))
        {
            return IdentityErrors.ScopeBeyondSession;
        }

        var now = clock.GetStoredNow();
        var client = new OAuthClient
        {
            Id = Guid.CreateVersion7(),
            OwnerId = caller.Id,
            ClientId = ClientRules.NewClientId(),
            Name = request.Name!.Trim(),
            Scopes = ClientRules.NormalizeScopes(request.Scopes!),
            RedirectUris = request.RedirectUris?.Distinct(StringComparer.Ordinal).ToList() ?? [],
            Enabled = true,
            CreatedAt = now,
            UpdatedAt = now,
        };
        var secret = ClientRules.NewSecret(client);
        db.OAuthClients.Add(client);
        await applications.SavePartnerAsync(client, secret, cancellationToken);
        return IssuedOAuthClientDto.From(client, secret);
    }
}

internal sealed class RegisterClientEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.V1.MapPost("/oauth-clients", async (RegisterClient command, ISender sender, CancellationToken ct) =>
                (await sender.Send(command, ct)).ToHttp(client => new NoStoreResult(TypedResults.Created($"/api/v1/oauth-clients/{client.Id}", client))))
            .RequireInteractiveUser()
            .WithTags("OAuth clients")
            .WithName("registerClient").Produces<IssuedOAuthClientDto>(StatusCodes.Status201Created)
            .WithSummary("Register a partner client (client credentials; with redirect URIs also authorization code + PKCE); the secret is shown once");
}
