using VoiceNote.Application.IntegrationEvents;
using VoiceNote.Domain.Primitives;
using VoiceNote.Modules.Cases.Application.Common;
using VoiceNote.Modules.Cases.Infrastructure.Persistence;
using VoiceNote.Modules.Identity.Contracts;

namespace VoiceNote.Modules.Cases.Application.Participants.DepartedUsers;

/// <summary>A deleted account stops taking part in every case at once (<see cref="UserDeparture"/>, ADR 0081).</summary>
internal sealed class ReleaseDeletedUsersCases(CasesDbContext db, TimeProvider clock) : IIntegrationEventHandler<UserDeleted>
{
    public Task Handle(UserDeleted integrationEvent, CancellationToken cancellationToken) =>
        UserDeparture.ReleaseAsync(db, new UserId(integrationEvent.UserId), clock.NowForDatabase(), cancellationToken);
}
