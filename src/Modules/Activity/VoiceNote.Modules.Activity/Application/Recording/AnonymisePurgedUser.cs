using Microsoft.EntityFrameworkCore;
using VoiceNote.Application.IntegrationEvents;
using VoiceNote.Infrastructure.Outbox;
using VoiceNote.Modules.Activity.Domain;
using VoiceNote.Modules.Activity.Infrastructure.Persistence;
using VoiceNote.Modules.Identity.Contracts;

namespace VoiceNote.Modules.Activity.Application.Recording;

/// <summary>
/// A purged account's entries stay in the log, anonymised (ADR 0085): what happened, to which item, in which case and
/// when is kept for the cases' timelines and the operators; who did it, from where, what the details said about it,
/// and every mention of its id elsewhere go. The only code that sets <c>voicenote.activity_anonymise</c>, which the
/// log's guard needs before it lets an UPDATE through (ADR 0078). A second delivery changes nothing.
/// </summary>
internal sealed class AnonymisePurgedUser(ActivityDbContext db) : IIntegrationEventHandler<UserPurged>
{
    internal const string AnonymiseSetting = "voicenote.activity_anonymise";

    public async Task Handle(UserPurged integrationEvent, CancellationToken cancellationToken)
    {
        var user = integrationEvent.UserId;
        var mention = "%" + user.ToString("D") + "%";
        await db.Database.ExecuteSqlAsync($"SELECT set_config({AnonymiseSetting}, 'on', true)", cancellationToken);
        await db.Database.ExecuteSqlAsync(
            $"UPDATE activity.entries SET user_id = NULL, details = NULL, ip_address = NULL, user_agent = NULL WHERE user_id = {user}", cancellationToken);
        await db.Database.ExecuteSqlAsync($"UPDATE activity.entries SET subject_user_id = NULL WHERE subject_user_id = {user}", cancellationToken);
        await db.Database.ExecuteSqlAsync(
            $"UPDATE activity.entries SET item_id = NULL WHERE item_type = {ActivityItems.User} AND item_id = {user}", cancellationToken);

        // An admin's record of a request about the account (its id in the request) keeps the request without the id.
        await db.Database.ExecuteSqlAsync(
            $"UPDATE activity.entries SET details = replace(details::text, {user.ToString("D")}, {Guid.Empty.ToString("D")})::jsonb WHERE details::text LIKE {mention}",
            cancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT set_config({AnonymiseSetting}, 'off', true)", cancellationToken);
        await OutboxScrub.ForgetDeliveredAsync(db, user, cancellationToken);
    }
}
