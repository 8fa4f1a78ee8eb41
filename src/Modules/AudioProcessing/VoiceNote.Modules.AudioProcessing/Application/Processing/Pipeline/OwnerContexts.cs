using VoiceNote.Modules.AudioProcessing.Analysis;
using VoiceNote.Modules.Identity.Contracts;

namespace VoiceNote.Modules.AudioProcessing.Application.Processing.Pipeline;

/// <summary>The analysis's view of a user's profile (Identity's <see cref="UserContext"/>), for any of their notes.</summary>
internal static class OwnerContexts
{
    public static OwnerContext Of(UserContext user) => new()
    {
        TimeZone = user.TimeZone,
        WorkStartHour = user.WorkStartHour,
        WorkEndHour = user.WorkEndHour,
        WorkDays = user.WorkDays,
        Role = user.PrimaryRole,
        SystemPrompt = user.SystemPrompt,
        Jargon = user.Jargon,
    };
}
