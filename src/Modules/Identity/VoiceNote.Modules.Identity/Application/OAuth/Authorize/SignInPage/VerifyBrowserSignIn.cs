using FluentValidation;
using VoiceNote.Application.Messaging;
using VoiceNote.Application.Persistence;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Modules.Identity.Application.Accounts.SignIn;

namespace VoiceNote.Modules.Identity.Application.OAuth.Authorize.SignInPage;

/// <summary>
/// The sign-in page's check of a login and password, under the same rules as every sign-in (throttle,
/// lockout, one answer for every failure). It starts no session: the session belongs to the client the
/// person then authorizes.
/// </summary>
[AnonymousAllowed]
[PersistsOnFailure]
internal sealed record VerifyBrowserSignIn(string Login, string Password) : ICommand<Guid>
{
    public override string ToString() => $"VerifyBrowserSignIn {{ Login = {Login}, Password = (hidden) }}";
}

internal sealed class VerifyBrowserSignInValidator : AbstractValidator<VerifyBrowserSignIn>
{
    public VerifyBrowserSignInValidator()
    {
        RuleFor(s => s.Login).NotEmpty().MaximumLength(256);
        RuleFor(s => s.Password).NotEmpty().MaximumLength(128);
    }
}

internal sealed class VerifyBrowserSignInHandler(CredentialCheck credentials) : ICommandHandler<VerifyBrowserSignIn, Guid>
{
    public async Task<Result<Guid>> Handle(VerifyBrowserSignIn request, CancellationToken cancellationToken)
    {
        var verified = await credentials.VerifyAsync(request.Login, request.Password, clientId: null, cancellationToken);
        return verified.IsSuccess ? verified.Value.Id : verified.Error;
    }
}
