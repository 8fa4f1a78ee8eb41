using VoiceNote.Application.IntegrationEvents;
using VoiceNote.Modules.Activity.Domain;
using VoiceNote.Modules.Cases.Contracts;

namespace VoiceNote.Modules.Activity.Application.Recording;

// What comes into a case, changes in it and leaves it: each entry is on the case's timeline.

internal sealed class RecordCaseRecordingChanged(ActivityRecorder log) : IIntegrationEventHandler<CaseRecordingChanged>
{
    public Task Handle(CaseRecordingChanged integrationEvent, CancellationToken cancellationToken)
    {
        log.Record(integrationEvent, integrationEvent.Added ? ActivityTypes.RecordingAttached : ActivityTypes.RecordingDetached,
            integrationEvent.ChangedBy, RecordAudioUploaded.Audio(integrationEvent.AudioId), integrationEvent.CaseId);
        return Task.CompletedTask;
    }
}

/// <summary>The actor is who started the run that made the version, not the worker that finished it.</summary>
internal sealed class RecordCaseRecordingVersionAdded(ActivityRecorder log) : IIntegrationEventHandler<CaseRecordingVersionAdded>
{
    public Task Handle(CaseRecordingVersionAdded integrationEvent, CancellationToken cancellationToken)
    {
        var type = integrationEvent.Kind == CaseRecordingVersionAdded.Analysis ? ActivityTypes.AnalysisVersionAdded : ActivityTypes.TranscriptVersionAdded;
        log.Record(integrationEvent, type, integrationEvent.StartedBy, RecordAudioUploaded.Audio(integrationEvent.AudioId), integrationEvent.CaseId,
            details: new { version = integrationEvent.Version, engine = integrationEvent.Engine });
        return Task.CompletedTask;
    }
}

internal sealed class RecordCaseNoteChanged(ActivityRecorder log) : IIntegrationEventHandler<CaseNoteChanged>
{
    public Task Handle(CaseNoteChanged integrationEvent, CancellationToken cancellationToken)
    {
        var type = integrationEvent.Change switch
        {
            CaseNoteChange.Attached => ActivityTypes.NoteAttached,
            CaseNoteChange.Created => ActivityTypes.NoteCreated,
            CaseNoteChange.Edited => ActivityTypes.NoteEdited,
            _ => ActivityTypes.NoteDetached,
        };
        log.Record(integrationEvent, type, integrationEvent.ChangedBy, new ActivityItem(ActivityItems.Note, integrationEvent.NoteId), integrationEvent.CaseId);
        return Task.CompletedTask;
    }
}

internal sealed class RecordCaseTrashChanged(ActivityRecorder log) : IIntegrationEventHandler<CaseTrashChanged>
{
    public Task Handle(CaseTrashChanged integrationEvent, CancellationToken cancellationToken)
    {
        log.Record(integrationEvent, integrationEvent.InTrash ? ActivityTypes.CaseDeleted : ActivityTypes.CaseRestored,
            integrationEvent.ChangedBy, RecordCaseCreated.Case(integrationEvent.CaseId), integrationEvent.CaseId);
        return Task.CompletedTask;
    }
}
