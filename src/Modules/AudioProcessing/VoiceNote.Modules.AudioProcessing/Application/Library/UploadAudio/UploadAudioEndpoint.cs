using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Net.Http.Headers;
using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Infrastructure.Http;

namespace VoiceNote.Modules.AudioProcessing.Application.Library.UploadAudio;

/// <summary>
/// <c>POST /api/v1/audio</c>: the bytes as the raw body (any declared type; the content decides) or as a
/// multipart part named <c>file</c>. Read first (<see cref="ReceiveAudio"/>, no transaction), then kept
/// (<see cref="UploadAudio"/>); a new item answers 201, the same bytes or Idempotency-Key again 200.
/// </summary>
internal sealed class UploadAudioEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.V1.MapPost("/audio", UploadAsync)
            .RequireScope(ApiScopes.AudioWrite)
            .WithMetadata(new NoServerBodyLimit())
            .WithMetadata(new FileUploadBody(
                ["audio/*", "video/mp4", "application/octet-stream"],
                ["title", "recordedAt", "onDeviceTranscript", "language", "engine"],
                ["title", "recordedAt", "onDeviceTranscript", "onDeviceTranscriptLanguage", "engine"]))
            .DisableAntiforgery()
            .WithTags("Audio")
            .WithName("uploadAudio")
            .Produces<AudioFileDto>(StatusCodes.Status201Created)
            .Produces<AudioFileDto>()
            // The body is read by hand (raw or multipart), so the framework does not infer these: a bad field
            // (400), too big or over quota (413), not audio (415), too long (422), too much audio waiting to be
            // processed (429), the server's disk full (507).
            .ProducesProblem(400).ProducesProblem(413).ProducesProblem(415).ProducesProblem(422).ProducesProblem(429).ProducesProblem(507)
            .WithSummary("Upload a recording (raw body or multipart 'file'); the same bytes again return the existing item");

    private static async Task<IResult> UploadAsync(HttpRequest request, ISender sender, CancellationToken ct)
    {
        var received = await sender.Send(
            new ReceiveAudio(request.Body, request.ContentType, request.ContentLength, request.Headers[IdempotentAnswers.Header].ToString(), FieldsOf(request)), ct);
        if (received.IsFailure)
        {
            return ProblemResults.From(received.Error);
        }

        using var audio = received.Value;
        return (await sender.Send(new UploadAudio(audio), ct)).ToHttp(o => o.Created
            ? TypedResults.Created($"/api/v1/audio/{o.Item.Id}", o.Item)
            : TypedResults.Ok(o.Item));
    }

    /// <summary>The fields a raw-body upload sends in the query string, else in headers.</summary>
    private static UploadFields FieldsOf(HttpRequest request)
    {
        string? Pick(string query, string header)
        {
            var value = request.Query[query].ToString();
            value = string.IsNullOrEmpty(value) ? request.Headers[header].ToString() : value;
            return string.IsNullOrEmpty(value) ? null : value;
        }

        return new UploadFields
        {
            Title = Pick("title", "X-Audio-Title"),
            RecordedAt = Pick("recordedAt", "X-Recorded-At"),
            OnDeviceTranscript = Pick("onDeviceTranscript", "X-On-Device-Transcript"),
            Language = Pick("onDeviceTranscriptLanguage", "X-On-Device-Transcript-Language"),
            Engine = Pick("engine", "X-Speech-Engine"),
            FileName = ContentDispositionHeaderValue.TryParse(request.Headers.ContentDisposition.ToString(), out var disposition)
                ? UploadBody.FileNameOf(disposition)
                : null,
        };
    }

    /// <summary>Lifts the server-wide body limit for this route: the upload's own limit applies as it is read (<see cref="UploadBody"/>).</summary>
    private sealed class NoServerBodyLimit : IRequestSizeLimitMetadata
    {
        public long? MaxRequestBodySize => null;
    }
}
