using System.Text;
using Microsoft.EntityFrameworkCore;
using VoiceNote.Application.Concurrency;
using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Modules.Identity.Application.Common;
using VoiceNote.Modules.Identity.Domain;
using VoiceNote.Modules.Identity.Infrastructure.Persistence;

namespace VoiceNote.Modules.Identity.Application.Profiles.UpdateProfile;

internal sealed class UpdateProfileHandler(IdentityDbContext db, ICurrentUser caller, RepresentationTags tags, TimeProvider clock) : ICommandHandler<UpdateProfile, ProfileDto>
{
    public async Task<Result<ProfileDto>> Handle(UpdateProfile request, CancellationToken cancellationToken)
    {
        var userId = caller.Id.Value;
        var now = clock.GetStoredNow();
        // One writer at a time per profile: a second device holding the same ETag then sees the first's change.
        await db.LockAsync("profile", userId, cancellationToken);
        var profile = await db.Profiles.FirstOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        var current = profile ?? await DefaultsAsync(userId, cancellationToken);
        if (!EntityTags.Allow(request.IfMatch, tags.Of(ProfileDto.From(current))))
        {
            return EntityTags.Stale;
        }

        if (profile is null)
        {
            // Registration creates the row; an account from before that (or a lost row) gets one now.
            profile = UserProfile.For(userId, now);
            db.Profiles.Add(profile);
        }

        profile.PrimaryRole = ProfileNames.ParseRoleOrNull(request.PrimaryRole);
        profile.SecondaryRole = ProfileNames.ParseRoleOrNull(request.SecondaryRole);
        profile.CustomRoleDescription = OrNull(request.CustomRoleDescription);
        profile.SystemPrompt = OrNull(request.SystemPrompt);
        profile.Jargon = ProfileRules.NormalizeJargon(request.Jargon!);
        profile.WorkStartHour = request.WorkStartHour!.Value;
        profile.WorkEndHour = request.WorkEndHour!.Value;
        profile.WorkDays = request.WorkDays!.Order().ToList();
        profile.TimeZone = request.TimeZone!;
        profile.ShowFloatingButton = request.ShowFloatingButton!.Value;
        profile.PreferredLanguage = request.PreferredLanguage!;
        profile.SummaryQuality = ProfileNames.StoredQualityOf(request.SummaryQuality)!;
        profile.SettingsJson = Encoding.UTF8.GetString(ProfileRules.SerializeSettings(request.Settings!.Value));
        profile.UpdatedAt = now;
        return ProfileDto.From(profile);
    }

    /// <summary>What GET answers for an account without a profile row, so its ETag can be checked too.</summary>
    private async Task<UserProfile> DefaultsAsync(Guid userId, CancellationToken cancellationToken)
    {
        var createdAt = await db.Users.Where(u => u.Id == userId).Select(u => u.CreatedAt).FirstAsync(cancellationToken);
        return UserProfile.For(userId, createdAt);
    }

    private static string? OrNull(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
