using Microsoft.AspNetCore.WebUtilities;
using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Modules.Identity.Infrastructure.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace VoiceNote.Modules.Identity.Application.OAuth.Authorize.SignInPage;

/// <summary>What the sign-in page shows and where it leads afterwards.</summary>
internal sealed record SignInPrompt(string ReturnUrl, string? ClientName);

/// <summary>
/// The sign-in page's question: where to go back (only to this server's authorization endpoint — any
/// other address would be an open redirect) and which app is asking, so the person knows what they
/// are signing in to.
/// </summary>
[AnonymousAllowed]
internal sealed record DescribeSignIn(string? ReturnUrl) : IQuery<SignInPrompt>;

internal sealed class DescribeSignInHandler(ClientAccess access) : IQueryHandler<DescribeSignIn, SignInPrompt>
{
    public async Task<Result<SignInPrompt>> Handle(DescribeSignIn request, CancellationToken cancellationToken)
    {
        var prefix = OpenIddictRegistration.AuthorizePath + "?";
        if (request.ReturnUrl is not { } returnUrl || !returnUrl.StartsWith(prefix, StringComparison.Ordinal) || returnUrl.Contains('\\', StringComparison.Ordinal))
        {
            return new SignInPrompt(OpenIddictRegistration.AuthorizePath, ClientName: null);
        }

        var clientId = QueryHelpers.ParseQuery(returnUrl[(prefix.Length - 1)..]).GetValueOrDefault(Parameters.ClientId).ToString();
        var review = string.IsNullOrEmpty(clientId) ? null : await access.ReviewAsync(clientId, [], cancellationToken);
        return new SignInPrompt(returnUrl, review is { IsSuccess: true } ? review.Value.ClientName : null);
    }
}
