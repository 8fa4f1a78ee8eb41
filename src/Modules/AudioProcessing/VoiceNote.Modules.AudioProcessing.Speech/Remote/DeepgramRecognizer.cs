using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using VoiceNote.Domain.Results;

namespace VoiceNote.Modules.AudioProcessing.Speech.Remote;

/// <summary>
/// Deepgram's pre-recorded <c>POST {base}/v1/listen</c> (engine <c>deepgram</c>): the PCM streamed as the
/// WAV body, smart formatting and punctuation on, the language detected unless a hint is configured.
/// It takes long files, so it declares a generous limit and rarely needs chunking.
/// </summary>
internal sealed class DeepgramRecognizer(EngineAccess access, HttpClient http, TimeProvider clock, ILogger<DeepgramRecognizer> logger)
    : RemoteRecognizer(access)
{
    protected override async Task<Result<RecognizedSpeech>> SendAsync(PcmUpload upload, CancellationToken cancellationToken)
    {
        await using (upload.ConfigureAwait(false))
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, Access.Resolve("v1/listen" + Query()))
            {
                Content = new WavContent(upload.Stream, upload.Bytes),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Token", Access.ApiKey);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

            var answer = await new RemoteSpeechCall(http, Access, clock, logger).SendAsync(request, upload.Duration, cancellationToken).ConfigureAwait(false);
            return answer.IsFailure ? answer.Error : DeepgramAnswer.Parse(answer.Value, Engine, Language, upload.Duration);
        }
    }

    private string Query()
    {
        var language = Access.Options.Language;
        // A configured hint replaces detection: Deepgram does one or the other.
        var languagePart = string.IsNullOrWhiteSpace(language) ? "detect_language=true" : "language=" + Uri.EscapeDataString(language.Trim());
        return $"?model={Uri.EscapeDataString(Access.Options.Model)}&smart_format=true&punctuate=true&{languagePart}";
    }
}
