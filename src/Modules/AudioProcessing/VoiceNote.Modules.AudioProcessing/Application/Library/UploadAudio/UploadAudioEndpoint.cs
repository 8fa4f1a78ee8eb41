using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Modules.AudioProcessing.Application.Storage;
using VoiceNote.Modules.AudioProcessing.Domain;

namespace VoiceNote.Modules.AudioProcessing.Application.Library.UploadAudio;

/// <summary>
/// <c>POST /api/v1/audio</c>: the bytes as the raw body (any declared type; the content decides) or
/// as a multipart part named <c>file</c>. Streamed straight to a temp file: never buffered whole.
/// </summary>
internal sealed class UploadAudioEndpoint : IEndpoint
{
    /// <summary>Room for multipart boundaries and the text fields on top of the file's own limit.</summary>
    private const long MultipartAllowance = AudioFile.TranscriptLength * 4L + 64 * 1024;

    public void MapEndpoint(ApiRoutes routes) =>
        routes.V1.MapPost("/audio", UploadAsync)
            .RequireScope(ApiScopes.AudioWrite)
            .WithMetadata(new NoServerBodyLimit())
            .DisableAntiforgery()
            .WithTags("Audio")
            .WithSummary("Upload a recording (raw body or multipart 'file'); the same bytes again return the existing item");

    private static async Task<IResult> UploadAsync(HttpContext http, AudioUploader uploader, IAudioStorage storage, IOptions<AudioOptions> options, CancellationToken ct)
    {
        var limit = options.Value.MaxUploadBytes;
        var request = http.Request;
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit + MultipartAllowance;
        }

        if (request.ContentLength > limit + MultipartAllowance)
        {
            return ProblemResults.From(AudioErrors.TooLarge(limit));
        }

        var idempotencyKey = request.Headers["Idempotency-Key"].ToString();
        idempotencyKey = string.IsNullOrWhiteSpace(idempotencyKey) ? null : idempotencyKey.Trim();
        if (idempotencyKey is { Length: > AudioFile.IdempotencyKeyLength })
        {
            return ProblemResults.From(AudioErrors.IdempotencyKeyTooLong);
        }

        if (idempotencyKey is not null && await uploader.FindByIdempotencyKeyAsync(idempotencyKey, ct) is { } earlier)
        {
            return TypedResults.Ok(earlier);
        }

        StagedAudio? staged = null;
        try
        {
            var fields = new UploadFields();
            Result<StagedAudio> stagedResult;
            if (MediaTypeHeaderValue.TryParse(request.ContentType, out var type) && type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
            {
                stagedResult = await ReadMultipartAsync(request, type, fields, storage, limit, ct);
            }
            else
            {
                ReadHeaderFields(request, fields);
                stagedResult = await storage.StageAsync(request.Body, limit, ct);
            }

            if (stagedResult.IsFailure)
            {
                return ProblemResults.From(stagedResult.Error);
            }

            staged = stagedResult.Value;
            var outcome = await uploader.CompleteAsync(staged, fields, idempotencyKey, ct);
            return outcome.ToHttp(o => o.Created
                ? TypedResults.Created($"/api/v1/audio/{o.Item.Id}", o.Item)
                : TypedResults.Ok(o.Item));
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return ProblemResults.From(AudioErrors.TooLarge(limit));
        }
        catch (InvalidDataException)
        {
            return ProblemResults.From(AudioErrors.InvalidField("multipart", "The multipart body is malformed."));
        }
        finally
        {
            storage.Discard(staged);
        }
    }

    private static async Task<Result<StagedAudio>> ReadMultipartAsync(HttpRequest request, MediaTypeHeaderValue type, UploadFields fields, IAudioStorage storage, long limit, CancellationToken ct)
    {
        var boundary = HeaderUtilities.RemoveQuotes(type.Boundary).Value;
        if (string.IsNullOrEmpty(boundary))
        {
            return AudioErrors.InvalidField("multipart", "The multipart body has no boundary.");
        }

        var reader = new MultipartReader(boundary, request.Body) { BodyLengthLimit = null };
        Result<StagedAudio>? file = null;
        while (await reader.ReadNextSectionAsync(ct) is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition))
            {
                continue;
            }

            var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? string.Empty;
            if (name.Equals("file", StringComparison.OrdinalIgnoreCase) || (file is null && disposition.IsFileDisposition()))
            {
                if (file is not null)
                {
                    storage.Discard(file.IsSuccess ? file.Value : null);
                    return AudioErrors.InvalidField("multipart", "Send one file per upload.");
                }

                fields.FileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value;
                file = await storage.StageAsync(section.Body, limit, ct);
                if (file.IsFailure)
                {
                    return file;
                }
            }
            else
            {
                fields.Set(name, await ReadFieldAsync(section.Body, ct));
            }
        }

        return file ?? AudioErrors.NoContent;
    }

    private static async Task<string> ReadFieldAsync(Stream body, CancellationToken ct)
    {
        // Text fields are bounded: one character over the longest allowed value is enough to refuse it.
        using var reader = new StreamReader(body);
        var buffer = new char[AudioFile.TranscriptLength + 1];
        var read = 0;
        int n;
        while (read < buffer.Length && (n = await reader.ReadAsync(buffer.AsMemory(read), ct)) > 0)
        {
            read += n;
        }

        return new string(buffer, 0, read);
    }

    private static void ReadHeaderFields(HttpRequest request, UploadFields fields)
    {
        string? Pick(string query, string header)
        {
            var value = request.Query[query].ToString();
            return string.IsNullOrEmpty(value) ? NullIfEmpty(request.Headers[header].ToString()) : value;
        }

        fields.Title = Pick("title", "X-Audio-Title");
        fields.RecordedAt = Pick("recordedAt", "X-Recorded-At");
        fields.OnDeviceTranscript = Pick("onDeviceTranscript", "X-On-Device-Transcript");
        fields.Language = Pick("onDeviceTranscriptLanguage", "X-On-Device-Transcript-Language");
        fields.Engine = Pick("engine", "X-Speech-Engine");
        if (ContentDispositionHeaderValue.TryParse(request.Headers.ContentDisposition.ToString(), out var disposition))
        {
            fields.FileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value;
        }
    }

    private static string? NullIfEmpty(string value) => string.IsNullOrEmpty(value) ? null : value;

    /// <summary>Lifts the server-wide body limit for this route; the handler sets the upload's own limit instead.</summary>
    private sealed class NoServerBodyLimit : IRequestSizeLimitMetadata
    {
        public long? MaxRequestBodySize => null;
    }
}
