using FluentValidation;
using VoiceNote.Application.Messaging;
using VoiceNote.Application.Persistence;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Modules.Identity.Application.Common;

namespace VoiceNote.Modules.Identity.Application.Sessions.Refresh;

/// <summary>Exchange a refresh token for a new pair. Reuse is recorded (the session is revoked) even though it fails.</summary>
[AnonymousAllowed]
[PersistsOnFailure]
internal sealed record RefreshSession(string RefreshToken) : ICommand<TokenResponse>;

internal sealed class RefreshSessionValidator : AbstractValidator<RefreshSession>
{
    public RefreshSessionValidator() => RuleFor(r => r.RefreshToken).NotEmpty().MaximumLength(200);
}

internal sealed class RefreshSessionHandler(SessionIssuer sessions) : ICommandHandler<RefreshSession, TokenResponse>
{
    public Task<Result<TokenResponse>> Handle(RefreshSession request, CancellationToken cancellationToken) =>
        sessions.RefreshAsync(request.RefreshToken, cancellationToken);
}

internal sealed class RefreshSessionEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.V1.MapPost("/auth/refresh", async (RefreshSession command, ISender sender, CancellationToken ct) => (await sender.Send(command, ct)).ToOk())
            .AllowAnonymousAccess()
            .RequireRateLimiting("auth")
            .WithTags("Accounts")
            .WithSummary("Exchange a refresh token for new tokens (the old refresh token stops working)");
}
