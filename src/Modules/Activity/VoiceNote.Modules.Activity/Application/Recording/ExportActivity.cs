using VoiceNote.Application.IntegrationEvents;
using VoiceNote.Modules.Activity.Domain;
using VoiceNote.Modules.Exports.Contracts;

namespace VoiceNote.Modules.Activity.Application.Recording;

/// <summary>A download of an export's file; a case's export shows on the case's timeline.</summary>
internal sealed class RecordExportDownloaded(ActivityRecorder log) : IIntegrationEventHandler<ExportDownloaded>
{
    public Task Handle(ExportDownloaded integrationEvent, CancellationToken cancellationToken)
    {
        log.Record(integrationEvent, ActivityTypes.ExportDownloaded, integrationEvent.DownloadedBy,
            new ActivityItem(ActivityItems.Export, integrationEvent.ExportId), integrationEvent.CaseId,
            details: new { format = integrationEvent.Format, source = integrationEvent.Source, source_id = integrationEvent.SourceId });
        return Task.CompletedTask;
    }
}
