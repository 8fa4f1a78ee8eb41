using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using VoiceNote.Application.Idempotency;
using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Infrastructure.Persistence;
using VoiceNote.Modules.Identity.Application.Common;
using VoiceNote.Modules.Identity.Domain;
using VoiceNote.Modules.Identity.Infrastructure.Persistence;
using VoiceNote.Modules.Identity.Infrastructure.Server;

namespace VoiceNote.Modules.Identity.Application.OAuth.Clients.RegisterClient;

/// <summary>Register a partner client that acts for the caller within the given scopes; its secret is shown in this answer only.</summary>
/// A client with redirect URIs may also use the authorization code flow (with PKCE) to act for any user who consents.
internal sealed record RegisterClient([Required] string? Name, [Required] IReadOnlyList<string>? Scopes, IReadOnlyList<string>? RedirectUris = null)
    : ICommand<Creation<IssuedOAuthClientDto>>
{
    /// <summary>From the Idempotency-Key header, never from the body.</summary>
    [JsonIgnore]
    public IdempotentRequest? Idempotency { get; init; }
}

internal sealed class RegisterClientValidator : AbstractValidator<RegisterClient>
{
    public RegisterClientValidator()
    {
        RuleFor(c => c.Name).ValidClientName();
        RuleFor(c => c.Scopes).ValidClientScopes();
        RuleFor(c => c.RedirectUris).ValidRedirectUris();
    }
}

internal sealed class RegisterClientHandler(IdentityDbContext db, ClientApplications applications, ICurrentUser caller, TimeProvider clock)
    : ICommandHandler<RegisterClient, Creation<IssuedOAuthClientDto>>
{
    public async Task<Result<Creation<IssuedOAuthClientDto>>> Handle(RegisterClient request, CancellationToken cancellationToken)
    {
        if (!caller.IsInteractive())
        {
            return IdentityErrors.InteractiveOnly;
        }

        if (!ClientRules.WithinCallersScopes(request.Scopes!, caller))
        {
            return IdentityErrors.ScopeBeyondSession;
        }

        return await IdempotentCreate.RunAsync(
            db,
            request.Idempotency,
            EarlierAsync,
            _ => Task.FromResult(Create(request)),
            IssueSecretAsync,
            cancellationToken);
    }

    /// <summary>Locked, so that concurrent retries take turns giving it a new secret.</summary>
    private Task<OAuthClient?> EarlierAsync(string key, CancellationToken cancellationToken) =>
        db.OAuthClients.FromSql($"SELECT * FROM identity.oauth_clients WHERE owner_id = {caller.Id.Value} AND idempotency_key = {key} FOR UPDATE")
            .FirstOrDefaultAsync(cancellationToken);

    private Result<OAuthClient> Create(RegisterClient request)
    {
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
        db.OAuthClients.Add(client);
        return client;
    }

    /// <summary>
    /// The secret is kept only as a hash, so a retry cannot be shown the first one: it gets a new
    /// secret, and the first stops working with whatever tokens it got (ADR 0067).
    /// </summary>
    private async Task<IssuedOAuthClientDto> IssueSecretAsync(OAuthClient client, bool createdNow, CancellationToken cancellationToken)
    {
        var secret = ClientRules.NewSecret(client);
        if (!createdNow)
        {
            client.UpdatedAt = clock.GetStoredNow();
        }

        await applications.SavePartnerAsync(client, secret, cancellationToken);
        if (!createdNow)
        {
            await applications.RevokeTokensAsync(client.ClientId, cancellationToken);
        }

        return IssuedOAuthClientDto.From(client, secret);
    }
}

internal sealed class RegisterClientEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.V1.MapPost("/oauth-clients", async (RegisterClient command, [FromHeader(Name = IdempotentAnswers.Header)] string? idempotencyKey, ISender sender, CancellationToken ct) =>
            {
                var idempotency = IdempotentAnswers.Read(idempotencyKey, command);
                if (idempotency.IsFailure)
                {
                    return ProblemResults.From(idempotency.Error);
                }

                return (await sender.Send(command with { Idempotency = idempotency.Value }, ct))
                    .ToHttp(created => new NoStoreResult(IdempotentAnswers.Answer(created, client => $"/api/v1/oauth-clients/{client.Id}")));
            })
            .RequireInteractiveUser()
            .WithTags("OAuth clients")
            .WithName("registerClient").Produces<IssuedOAuthClientDto>(StatusCodes.Status201Created)
            .Produces<IssuedOAuthClientDto>().ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Register a partner client (client credentials; with redirect URIs also authorization code + PKCE); the secret is shown once. "
                + "The same Idempotency-Key and body again answer 200 with that client and a new secret (the first one stops working)");
}
