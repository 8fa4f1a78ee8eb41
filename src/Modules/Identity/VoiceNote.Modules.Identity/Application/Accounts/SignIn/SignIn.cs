using FluentValidation;
using VoiceNote.Application.Messaging;
using VoiceNote.Application.Persistence;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Modules.Identity.Application.Sessions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace VoiceNote.Modules.Identity.Application.Accounts.SignIn;

/// <summary>
/// Sign in by email or username with one of the product's own apps (the password grant and the JSON
/// sign-in). A failure is recorded (lockout counting) and always answers the same. The session always
/// gets offline_access: the app keeps the person signed in with refresh tokens.
/// </summary>
[AnonymousAllowed]
[PersistsOnFailure]
internal sealed record SignIn(string Login, string Password, IReadOnlyList<string> Scopes, string ClientId, SessionDevice Device) : ICommand<StartedSession>;

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

internal sealed class SignInHandler(CredentialCheck credentials, SessionIssuer sessions) : ICommandHandler<SignIn, StartedSession>
{
    public async Task<Result<StartedSession>> Handle(SignIn request, CancellationToken cancellationToken)
    {
        var scopes = SessionIssuer.ResolveScopes(request.Scopes, ApiScopes.All);
        if (scopes.IsFailure)
        {
            return scopes.Error;
        }

        var verified = await credentials.VerifyAsync(request.Login, request.Password, request.ClientId, cancellationToken);
        if (verified.IsFailure)
        {
            return verified.Error;
        }

        var user = verified.Value;
        if (request.Device.DeviceId is not null)
        {
            user.DeviceId = request.Device.DeviceId;
            user.DeviceModel = request.Device.DeviceModel;
        }

        var granted = scopes.Value.Append(Scopes.OfflineAccess).Distinct(StringComparer.Ordinal).ToList();
        return await sessions.StartAsync(user, request.ClientId, request.Device, granted, cancellationToken);
    }
}
