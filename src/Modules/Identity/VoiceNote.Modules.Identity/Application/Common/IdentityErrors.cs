using VoiceNote.Domain.Results;

namespace VoiceNote.Modules.Identity.Application.Common;

/// <summary>The Identity module's stable error codes.</summary>
internal static class IdentityErrors
{
    /// <summary>One answer for every failed sign-in, so it never tells whether the account exists.</summary>
    public static readonly Error InvalidCredentials =
        Error.Unauthorized("auth.invalid_credentials", "The sign-in name or password is wrong.");

    public static readonly Error InvalidRefreshToken =
        Error.Unauthorized("auth.invalid_refresh_token", "The refresh token is not valid (expired, revoked or already used).");

    public static readonly Error InvalidClient =
        Error.Unauthorized("auth.invalid_client", "The client id or secret is wrong, or the client is disabled.");

    public static readonly Error InvalidScope =
        new("auth.invalid_scope", "A requested scope is unknown or not allowed for this client.", ErrorKind.Validation);

    public static readonly Error RegistrationClosed =
        Error.Forbidden("identity.registration_closed", "This server does not take new registrations; ask its operator for an account.");

    public static readonly Error EmailTaken = Error.Conflict("identity.email_taken", "An account with this email already exists.");

    public static readonly Error UsernameTaken = Error.Conflict("identity.username_taken", "This username is taken.");

    public static readonly Error UserNotFound = Error.NotFound("identity.user_not_found", "No such user.");

    public static readonly Error SessionNotFound = Error.NotFound("identity.session_not_found", "No such session.");

    public static readonly Error OAuthClientNotFound = Error.NotFound("identity.oauth_client_not_found", "No such OAuth client.");

    public static readonly Error ApiKeyNotFound = Error.NotFound("identity.api_key_not_found", "No API key is stored for this provider.");

    public static readonly Error UnknownProvider = Error.NotFound("identity.unknown_provider", "Unknown provider. Use openai, deepgram, groq, elevenlabs or openai-compatible.");

    /// <summary>Managing clients and keys is for the person themself: a partner's token could otherwise widen its own access.</summary>
    public static readonly Error InteractiveOnly =
        Error.Forbidden("auth.interactive_only", "Only a person's own session may do this, not a partner client's token.");

    public static readonly Error ScopeBeyondSession =
        Error.Forbidden("auth.scope_beyond_session", "A client cannot be given a scope this session does not hold itself.");

    public static readonly Error WrongCurrentPassword = ValidationError.For("currentPassword", "The current password is wrong.");

    public static RateLimitedError TooManyAttempts(TimeSpan retryAfter) =>
        new("auth.too_many_attempts", "Too many sign-in attempts for this account. Try again later.", retryAfter);
}
