using VoiceNote.Application.IntegrationEvents;
using VoiceNote.Modules.Activity.Domain;
using VoiceNote.Modules.AudioProcessing.Contracts;

namespace VoiceNote.Modules.Activity.Application.Recording;

// What happens to recordings; a recording in a case shows on the case's timeline too.

internal sealed class RecordAudioUploaded(ActivityRecorder log) : IIntegrationEventHandler<AudioUploaded>
{
    public Task Handle(AudioUploaded integrationEvent, CancellationToken cancellationToken)
    {
        log.Record(integrationEvent, ActivityTypes.AudioUploaded, integrationEvent.Origin?.UserId ?? integrationEvent.OwnerId, Audio(integrationEvent.AudioId),
            integrationEvent.CaseId, details: new { sizeBytes = integrationEvent.SizeBytes, durationSeconds = integrationEvent.DurationSeconds });
        return Task.CompletedTask;
    }

    internal static ActivityItem Audio(Guid audioId) => new(ActivityItems.Audio, audioId);
}

internal sealed class RecordAudioArchived(ActivityRecorder log) : IIntegrationEventHandler<AudioArchived>
{
    public Task Handle(AudioArchived integrationEvent, CancellationToken cancellationToken)
    {
        log.Record(integrationEvent, integrationEvent.Archived ? ActivityTypes.AudioArchived : ActivityTypes.AudioRestored,
            integrationEvent.Origin?.UserId ?? integrationEvent.OwnerId, RecordAudioUploaded.Audio(integrationEvent.AudioId), integrationEvent.CaseId);
        return Task.CompletedTask;
    }
}

internal sealed class RecordAudioDeleted(ActivityRecorder log) : IIntegrationEventHandler<AudioDeleted>
{
    public Task Handle(AudioDeleted integrationEvent, CancellationToken cancellationToken)
    {
        log.Record(integrationEvent, ActivityTypes.AudioDeleted, integrationEvent.Origin?.UserId ?? integrationEvent.OwnerId,
            RecordAudioUploaded.Audio(integrationEvent.AudioId), integrationEvent.CaseId);
        return Task.CompletedTask;
    }
}
