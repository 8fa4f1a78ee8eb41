using Microsoft.EntityFrameworkCore;
using VoiceNote.Domain.Primitives;
using VoiceNote.Infrastructure.Persistence;
using VoiceNote.Modules.Identity.Application.Common;
using VoiceNote.Modules.Identity.Contracts;
using VoiceNote.Modules.Identity.Domain;
using VoiceNote.Modules.Identity.Infrastructure.Persistence;

namespace VoiceNote.Modules.Identity.Application.Profiles;

/// <summary>The settings that steer a user's notes, as every contract gives them (processing, exports).</summary>
internal static class UserContexts
{
    /// <summary>The user's context; a user who never saved a profile has the defaults.</summary>
    public static async Task<UserContext> ContextOfAsync(this IdentityDbContext db, User user, CancellationToken cancellationToken)
    {
        var profile = await db.Profiles.AsNoTracking().WithSpecification(new ProfileOfUser(user.Id)).FirstOrDefaultAsync(cancellationToken)
            ?? UserProfile.For(user.Id, user.CreatedAt);
        return new UserContext(
            new UserId(user.Id),
            user.DisplayName,
            profile.TimeZone,
            profile.WorkStartHour,
            profile.WorkEndHour,
            profile.WorkDays,
            ProfileNames.Of(profile.PrimaryRole),
            ProfileNames.Of(profile.SecondaryRole),
            profile.CustomRoleDescription,
            profile.SystemPrompt,
            profile.Jargon,
            profile.PreferredLanguage,
            profile.SummaryQuality);
    }
}
