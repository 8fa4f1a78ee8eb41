using System.Globalization;
using System.Text;
using VoiceNote.Domain.Results;
using VoiceNote.Modules.AudioProcessing.Domain;
using VoiceNote.Modules.AudioProcessing.Speech;

namespace VoiceNote.Modules.AudioProcessing.Application.Library.UploadAudio;

/// <summary>
/// What the client says about an upload besides its bytes, as sent: query or headers with a raw body,
/// parts with a multipart one. All optional, all checked by <see cref="Check"/>.
/// </summary>
internal sealed record UploadFields
{
    public string? Title { get; init; }

    public string? RecordedAt { get; init; }

    public string? OnDeviceTranscript { get; init; }

    public string? Language { get; init; }

    public string? FileName { get; init; }

    /// <summary>The speech engine to transcribe with (<see cref="SpeechEngineNames"/>); auto when absent.</summary>
    public string? Engine { get; init; }

    /// <summary>A multipart text part, by its name; unknown names are ignored.</summary>
    public UploadFields With(string name, string value) => name.ToLowerInvariant() switch
    {
        "title" => this with { Title = value },
        "recordedat" => this with { RecordedAt = value },
        "ondevicetranscript" => this with { OnDeviceTranscript = value },
        "ondevicetranscriptlanguage" or "language" => this with { Language = value },
        "engine" => this with { Engine = value },
        _ => this,
    };

    /// <summary>Checks lengths, the engine and the date; the details as the recording will keep them.</summary>
    public Result<UploadDetails> Check()
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

        if (!SpeechEngineNames.TryParse(Engine, out var engine))
        {
            return AudioErrors.InvalidEngine();
        }

        DateTimeOffset? recordedAt = null;
        if (!string.IsNullOrWhiteSpace(RecordedAt))
        {
            if (!DateTimeOffset.TryParse(RecordedAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            {
                return AudioErrors.InvalidField("recorded_at", "recordedAt is an ISO 8601 date and time.");
            }

            recordedAt = at.ToUniversalTime();
        }

        return new UploadDetails(
            string.IsNullOrWhiteSpace(Title) ? null : Title.Trim(),
            CleanName(FileName),
            string.IsNullOrWhiteSpace(OnDeviceTranscript) ? null : OnDeviceTranscript,
            string.IsNullOrWhiteSpace(Language) ? null : Language.Trim(),
            recordedAt,
            engine);
    }

    /// <summary>The client's file name for display only: no folders, no control characters, bounded length.</summary>
    private static string? CleanName(string? name)
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

/// <summary>The checked fields of an upload; <see cref="RecordedAt"/> is null when the client gave no time.</summary>
internal sealed record UploadDetails(
    string? Title, string? OriginalName, string? OnDeviceTranscript, string? OnDeviceTranscriptLanguage, DateTimeOffset? RecordedAt, SpeechEngineChoice Engine);
