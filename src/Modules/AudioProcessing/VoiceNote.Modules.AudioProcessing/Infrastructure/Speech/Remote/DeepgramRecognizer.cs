using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using VoiceNote.Domain.Results;
using VoiceNote.Modules.AudioProcessing.Application.Transcription;

namespace VoiceNote.Modules.AudioProcessing.Infrastructure.Speech.Remote;

/// <summary>
/// Deepgram's pre-recorded <c>POST {base}/v1/listen</c> (engine <c>deepgram</c>): the PCM streamed as the
/// WAV body, smart formatting and punctuation on, the language detected unless a hint is configured.
/// It takes long files, so it declares a generous limit and rarely needs chunking.
/// </summary>
internal sealed class DeepgramRecognizer(EngineAccess access, HttpClient http, TimeProvider clock, ILogger<DeepgramRecognizer> logger)
    : ISpeechRecognizer
{
    public string Engine => access.Engine.Name;

    public string Language => access.Options.DeclaredLanguage;

    public SpeechEngineLimits Limits { get; } = RemoteEngineCatalog.LimitsOf(access.Options);

    public async Task<Result<RecognizedSpeech>> RecognizeAsync(string pcmPath, CancellationToken cancellationToken = default)
    {
        var upload = PcmUpload.FromFile(pcmPath, Limits, Engine);
        return upload.IsFailure ? upload.Error : await SendAsync(upload.Value, cancellationToken).ConfigureAwait(false);
    }

    public async Task<Result<RecognizedSpeech>> RecognizeAsync(Stream pcm, CancellationToken cancellationToken = default)
    {
        var upload = await PcmUpload.FromStreamAsync(pcm, Limits, Engine, cancellationToken).ConfigureAwait(false);
        return upload.IsFailure ? upload.Error : await SendAsync(upload.Value, cancellationToken).ConfigureAwait(false);
    }

    private async Task<Result<RecognizedSpeech>> SendAsync(PcmUpload upload, CancellationToken cancellationToken)
    {
        await using (upload.ConfigureAwait(false))
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, access.Resolve("v1/listen" + Query()))
            {
                Content = new WavContent(upload.Stream, upload.Bytes),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Token", access.ApiKey);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

            var answer = await new RemoteSpeechCall(http, access, clock, logger).SendAsync(request, upload.Duration, cancellationToken).ConfigureAwait(false);
            return answer.IsFailure ? answer.Error : DeepgramAnswer.Parse(answer.Value, Engine, Language, upload.Duration);
        }
    }

    private string Query()
    {
        var language = access.Options.Language;
        // A configured hint replaces detection: Deepgram does one or the other.
        var languagePart = string.IsNullOrWhiteSpace(language) ? "detect_language=true" : "language=" + Uri.EscapeDataString(language.Trim());
        return $"?model={Uri.EscapeDataString(access.Options.Model)}&smart_format=true&punctuate=true&{languagePart}";
    }
}
