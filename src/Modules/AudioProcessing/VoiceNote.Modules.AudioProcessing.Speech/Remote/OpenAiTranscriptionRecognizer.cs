using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using VoiceNote.Domain.Results;

namespace VoiceNote.Modules.AudioProcessing.Speech.Remote;

/// <summary>
/// OpenAI's <c>POST {base}/audio/transcriptions</c>, which Groq and self-hosted Whisper servers speak too
/// (engines <c>openai</c>, <c>groq</c>, <c>openai-compatible</c>): the PCM streamed as a WAV file in a
/// multipart form, word timestamps asked for, the detected language mapped to BCP 47.
/// </summary>
internal sealed class OpenAiTranscriptionRecognizer(EngineAccess access, HttpClient http, TimeProvider clock, ILogger<OpenAiTranscriptionRecognizer> logger)
    : RemoteRecognizer(access)
{
    protected override async Task<Result<RecognizedSpeech>> SendAsync(PcmUpload upload, CancellationToken cancellationToken)
    {
        await using (upload.ConfigureAwait(false))
        {
            using var form = new MultipartFormDataContent();
            form.Add(new StringContent(Access.Options.Model), "model");
            form.Add(new StringContent("verbose_json"), "response_format");
            form.Add(new StringContent("word"), "timestamp_granularities[]");
            if (!string.IsNullOrWhiteSpace(Access.Options.Language))
            {
                form.Add(new StringContent(Access.Options.Language.Trim()), "language");
            }

            form.Add(new WavContent(upload.Stream, upload.Bytes), "file", "audio.wav");
            using var request = new HttpRequestMessage(HttpMethod.Post, Access.Resolve("audio/transcriptions")) { Content = form };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Access.ApiKey);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

            var answer = await new RemoteSpeechCall(http, Access, clock, logger).SendAsync(request, upload.Duration, cancellationToken).ConfigureAwait(false);
            return answer.IsFailure ? answer.Error : OpenAiTranscriptionAnswer.Parse(answer.Value, Engine, Language, upload.Duration);
        }
    }
}
