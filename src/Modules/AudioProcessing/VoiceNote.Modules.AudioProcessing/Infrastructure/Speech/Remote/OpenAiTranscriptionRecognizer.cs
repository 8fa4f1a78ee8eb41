using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using VoiceNote.Domain.Results;
using VoiceNote.Modules.AudioProcessing.Application.Transcription;

namespace VoiceNote.Modules.AudioProcessing.Infrastructure.Speech.Remote;

/// <summary>
/// OpenAI's <c>POST {base}/audio/transcriptions</c>, which Groq and self-hosted Whisper servers speak too
/// (engines <c>openai</c>, <c>groq</c>, <c>openai-compatible</c>): the PCM streamed as a WAV file in a
/// multipart form, word timestamps asked for, the detected language mapped to BCP 47.
/// </summary>
internal sealed class OpenAiTranscriptionRecognizer(EngineAccess access, HttpClient http, TimeProvider clock, ILogger<OpenAiTranscriptionRecognizer> logger)
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
            using var form = new MultipartFormDataContent();
            form.Add(new StringContent(access.Options.Model), "model");
            form.Add(new StringContent("verbose_json"), "response_format");
            form.Add(new StringContent("word"), "timestamp_granularities[]");
            if (!string.IsNullOrWhiteSpace(access.Options.Language))
            {
                form.Add(new StringContent(access.Options.Language.Trim()), "language");
            }

            form.Add(new WavContent(upload.Stream, upload.Bytes), "file", "audio.wav");
            using var request = new HttpRequestMessage(HttpMethod.Post, access.Resolve("audio/transcriptions")) { Content = form };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", access.ApiKey);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

            var answer = await new RemoteSpeechCall(http, access, clock, logger).SendAsync(request, upload.Duration, cancellationToken).ConfigureAwait(false);
            return answer.IsFailure ? answer.Error : OpenAiTranscriptionAnswer.Parse(answer.Value, Engine, Language, upload.Duration);
        }
    }
}
