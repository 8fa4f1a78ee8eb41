using VoiceNote.Modules.AudioProcessing.Contracts;

namespace VoiceNote.Modules.Exports.Application.Formats.Archives;

/// <summary>How every archive keeps a recording: the original file as uploaded, and what was made of it as JSON.</summary>
internal static class ArchivedRecordings
{
    public static async Task AddAsync(ExportArchive archive, RecordingForExport recording, CancellationToken cancellationToken)
    {
        var summary = recording.Recording;
        var folder = $"recordings/{summary.AudioId:N}";
        string? file = null;
        if (recording.Content is { } content && File.Exists(content.Path))
        {
            file = $"{folder}/original.{ExportArchive.Segment(summary.Format, 10)}";
            await archive.AddFileAsync(file, content.Path, cancellationToken);
        }

        var current = recording.Versions.Transcripts.MaxBy(t => t.Version)?.Version;
        await archive.AddJsonAsync($"{folder}/recording.json", new
        {
            summary.AudioId,
            summary.Title,
            recording.OriginalFileName,
            summary.Format,
            summary.DurationSeconds,
            summary.SizeBytes,
            summary.Status,
            summary.IsArchived,
            summary.CaseId,
            summary.RecordedAt,
            summary.CreatedAt,
            AudioFile = file,
            CurrentTranscriptVersion = current,
            Transcripts = recording.Versions.Transcripts.OrderBy(t => t.Version),
            Analyses = recording.Versions.Analyses.OrderBy(a => a.Version),
        }, cancellationToken);
    }
}
