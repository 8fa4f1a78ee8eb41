using VoiceNote.Application.IntegrationEvents;
using VoiceNote.Modules.Activity.Domain;
using VoiceNote.Modules.Cases.Contracts;

namespace VoiceNote.Modules.Activity.Application.Recording;

// What the Cases module publishes becomes the case's timeline: each entry carries the case id.

internal sealed class RecordCaseCreated(ActivityRecorder log) : IIntegrationEventHandler<CaseCreated>
{
    public Task Handle(CaseCreated integrationEvent, CancellationToken cancellationToken)
    {
        log.Record(integrationEvent, ActivityTypes.CaseCreated, integrationEvent.CreatedBy, Case(integrationEvent.CaseId), integrationEvent.CaseId,
            details: new { code = integrationEvent.Code });
        return Task.CompletedTask;
    }

    internal static ActivityItem Case(Guid caseId) => new(ActivityItems.Case, caseId);
}

internal sealed class RecordCaseStatusChanged(ActivityRecorder log) : IIntegrationEventHandler<CaseStatusChanged>
{
    public Task Handle(CaseStatusChanged integrationEvent, CancellationToken cancellationToken)
    {
        log.Record(
            integrationEvent,
            integrationEvent.Closed ? ActivityTypes.CaseClosed : ActivityTypes.CaseReopened,
            integrationEvent.ChangedBy,
            RecordCaseCreated.Case(integrationEvent.CaseId),
            integrationEvent.CaseId,
            details: new { status = integrationEvent.Status, reason = integrationEvent.Reason });
        return Task.CompletedTask;
    }
}

/// <summary>Joined (no previous role), changed (both roles), removed or left (no role; left when the user did it).</summary>
internal sealed class RecordCaseParticipantChanged(ActivityRecorder log) : IIntegrationEventHandler<CaseParticipantChanged>
{
    public Task Handle(CaseParticipantChanged integrationEvent, CancellationToken cancellationToken)
    {
        var type = (integrationEvent.Role, integrationEvent.PreviousRole) switch
        {
            (null, _) when integrationEvent.UserId == integrationEvent.ChangedBy => ActivityTypes.ParticipantLeft,
            (null, _) => ActivityTypes.ParticipantRemoved,
            (_, null) => ActivityTypes.ParticipantAdded,
            _ => ActivityTypes.ParticipantRoleChanged,
        };
        log.Record(
            integrationEvent,
            type,
            integrationEvent.ChangedBy,
            RecordCaseCreated.Case(integrationEvent.CaseId),
            integrationEvent.CaseId,
            subjectUserId: integrationEvent.UserId,
            details: new { role = integrationEvent.Role, previousRole = integrationEvent.PreviousRole });
        return Task.CompletedTask;
    }
}
