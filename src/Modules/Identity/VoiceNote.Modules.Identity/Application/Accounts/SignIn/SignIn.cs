using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using VoiceNote.Application.Messaging;
using VoiceNote.Application.Persistence;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Modules.Identity.Application.Common;
using VoiceNote.Modules.Identity.Application.Sessions;
using VoiceNote.Modules.Identity.Domain;
using VoiceNote.Modules.Identity.Infrastructure.Persistence;

namespace VoiceNote.Modules.Identity.Application.Accounts.SignIn;

/// <summary>Sign in by email or username. A failure is recorded (lockout counting) and always answers the same.</summary>
[AnonymousAllowed]
[PersistsOnFailure]
internal sealed record SignIn(string Login, string Password, string? Scope, SessionDevice Device) : ICommand<TokenResponse>;

internal sealed class SignInValidator : AbstractValidator<SignIn>
{
    public SignInValidator()
    {
        RuleFor(s => s.Login).NotEmpty().MaximumLength(256);
        RuleFor(s => s.Password).NotEmpty().MaximumLength(128);
        RuleFor(s => s.Device.DeviceId).MaximumLength(128);
        RuleFor(s => s.Device.DeviceModel).MaximumLength(128);
    }
}

internal sealed class SignInHandler(
    UserManager<User> users,
    IPasswordHasher<User> hasher,
    IdentityDbContext db,
    SessionIssuer sessions,
    SignInThrottle throttle,
    TimeProvider clock) : ICommandHandler<SignIn, TokenResponse>
{
    // Verifying against a real hash when the account does not exist keeps failures equally slow.
    private static readonly Lazy<(User User, string Hash)> Decoy = new(() =>
    {
        var decoy = new User { Id = Guid.Empty, UserName = "decoy" };
        return (decoy, new PasswordHasher<User>().HashPassword(decoy, Guid.NewGuid().ToString()));
    });

    public async Task<Result<TokenResponse>> Handle(SignIn request, CancellationToken cancellationToken)
    {
        if (throttle.TryAttempt(request.Login) is { } wait)
        {
            return IdentityErrors.TooManyAttempts(wait);
        }

        var scopes = SessionIssuer.ResolveUserScopes(request.Scope);
        if (scopes.IsFailure)
        {
            return scopes.Error;
        }

        var normalized = users.NormalizeName(request.Login.Trim());
        var user = await db.Users.FirstOrDefaultAsync(u => u.NormalizedEmail == normalized || u.NormalizedUserName == normalized, cancellationToken);
        if (user is null)
        {
            hasher.VerifyHashedPassword(Decoy.Value.User, Decoy.Value.Hash, request.Password);
            return IdentityErrors.InvalidCredentials;
        }

        if (await users.IsLockedOutAsync(user))
        {
            hasher.VerifyHashedPassword(Decoy.Value.User, Decoy.Value.Hash, request.Password);
            return IdentityErrors.InvalidCredentials;
        }

        if (!await users.CheckPasswordAsync(user, request.Password))
        {
            await users.AccessFailedAsync(user);
            return IdentityErrors.InvalidCredentials;
        }

        if (!user.CanSignIn)
        {
            return IdentityErrors.InvalidCredentials;
        }

        await users.ResetAccessFailedCountAsync(user);
        user.LastLoginAt = clock.GetUtcNow();
        if (request.Device.DeviceId is not null)
        {
            user.DeviceId = request.Device.DeviceId;
            user.DeviceModel = request.Device.DeviceModel;
        }

        return await sessions.StartAsync(user, request.Device, scopes.Value, cancellationToken);
    }
}
