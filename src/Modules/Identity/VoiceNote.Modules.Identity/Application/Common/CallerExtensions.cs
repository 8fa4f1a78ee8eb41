using VoiceNote.Application.Security;

namespace VoiceNote.Modules.Identity.Application.Common;

internal static class CallerExtensions
{
    /// <summary>
    /// A person's own session, not a partner client's token. Endpoints check this with
    /// RequireInteractiveUser(); the use cases that hand out credentials check it again, so a send from
    /// anywhere else cannot let a partner mint clients or read keys.
    /// </summary>
    public static bool IsInteractive(this ICurrentUser caller) =>
        caller.IsAuthenticated && caller.SessionId is not null && caller.PartnerClientId is null;
}
