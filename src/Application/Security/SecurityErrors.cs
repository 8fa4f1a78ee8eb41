using VoiceNote.Domain.Results;

namespace VoiceNote.Application.Security;

public static class SecurityErrors
{
    public static readonly Error NotAuthenticated =
        Error.Unauthorized("auth.not_authenticated", "Sign in to do this.");

    public static Error MissingScope(string scope) =>
        Error.Forbidden("auth.missing_scope", $"The token lacks the scope '{scope}'.");

    public static Error MissingPermission(string permission) =>
        Error.Forbidden("auth.missing_permission", $"This needs the admin permission '{permission}'.");
}
