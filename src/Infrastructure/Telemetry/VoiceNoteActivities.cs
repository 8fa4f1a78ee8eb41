using System.Diagnostics;

namespace VoiceNote.Infrastructure.Telemetry;

/// <summary>The project's own spans (a job run), so the work a worker does is traced and its log lines carry a trace id.</summary>
public static class VoiceNoteActivities
{
    public static readonly ActivitySource Source = new(VoiceNoteMetrics.MeterName);
}
