using System.Globalization;
using System.Text;
using VoiceNote.Domain.Results;
using VoiceNote.Modules.AudioProcessing.Speech;
using VoiceNote.Modules.AudioProcessing.Domain;

namespace VoiceNote.Modules.AudioProcessing.Application.Library.UploadAudio;

/// <summary>What the client says about an upload besides its bytes; all optional, all checked.</summary>
internal sealed class UploadFields
{
    public string? Title { get; set; }

    public string? RecordedAt { get; set; }

    public string? OnDeviceTranscript { get; set; }

    public string? Language { get; set; }

    public string? FileName { get; set; }

    /// <summary>The speech engine to transcribe with (<see cref="SpeechEngineNames"/>); auto when absent.</summary>
    public string? Engine { get; set; }

    public void Set(string name, string value)
    {
        switch (name.ToLowerInvariant())
        {
            case "title": Title = value; break;
            case "recordedat": RecordedAt = value; break;
            case "ondevicetranscript": OnDeviceTranscript = value; break;
            case "ondevicetranscriptlanguage" or "language": Language = value; break;
            case "engine": Engine = value; break;
            default: break;
        }
    }

    /// <summary>Checks lengths and the date; returns the recording time (null when the client gave none).</summary>
    public Result<DateTimeOffset?> Validate()
    {
        if (Title is { Length: > AudioFile.TitleLength })
        {
            return AudioErrors.InvalidField("title", $"The title is at most {AudioFile.TitleLength} characters.");
        }

        if (OnDeviceTranscript is { Length: > AudioFile.TranscriptLength })
        {
            return AudioErrors.InvalidField("transcript", $"The on-device transcript is at most {AudioFile.TranscriptLength} characters.");
        }

        if (Language is { Length: > 16 })
        {
            return AudioErrors.InvalidField("language", "The language is a short tag such as en-US.");
        }

        if (!SpeechEngineNames.TryParse(Engine, out _))
        {
            return AudioErrors.InvalidField("engine", $"The engine is one of: {SpeechEngineNames.All}.");
        }

        if (string.IsNullOrWhiteSpace(RecordedAt))
        {
            return (DateTimeOffset?)null;
        }

        return DateTimeOffset.TryParse(RecordedAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at.ToUniversalTime()
            : AudioErrors.InvalidField("recorded_at", "recordedAt is an ISO 8601 date and time.");
    }

    /// <summary>The client's file name for display only: no folders, no control characters, bounded length.</summary>
    public static string? CleanName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        var last = name.Replace('\\', '/').Split('/')[^1].Trim().Trim('"');
        var clean = new StringBuilder(last.Length);
        foreach (var c in last.Where(c => !char.IsControl(c)))
        {
            clean.Append(c);
        }

        var text = clean.ToString().Trim();
        return text.Length == 0 ? null : text[..Math.Min(text.Length, AudioFile.NameLength)];
    }
}
