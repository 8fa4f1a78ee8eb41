namespace VoiceNote.Modules.AudioProcessing.Analysis;

/// <summary>A moment worth jumping to ("hh:mm:ss", description, confidence; docs/decisions/0033).</summary>
internal sealed record KeyMoment(TimeSpan At, string Description, double Confidence)
{
    public string Timestamp => $"{(int)At.TotalHours:00}:{At.Minutes:00}:{At.Seconds:00}";
}
