namespace VoiceNote.Modules.AudioProcessing.Infrastructure.Analysis;

/// <summary>
/// Where and how one owner's analysis is sent: the resolved base URL, model, timeout, that owner's key, and the
/// most of an answer that is read (ADR 0065).
/// </summary>
internal sealed record ChatTarget(Uri BaseUrl, string Model, TimeSpan Timeout, string ApiKey, long MaxAnswerBytes = AnalysisServices.MaxAnswerBytes)
{
    public Uri Completions => new(new Uri(BaseUrl.AbsoluteUri.EndsWith('/') ? BaseUrl.AbsoluteUri : BaseUrl.AbsoluteUri + "/"), "chat/completions");

    /// <summary>Records and logs may print an endpoint; the key must never come with it.</summary>
    public override string ToString() => $"ChatTarget {{ BaseUrl = {BaseUrl}, Model = {Model}, Timeout = {Timeout}, ApiKey = (hidden), MaxAnswerBytes = {MaxAnswerBytes} }}";
}
