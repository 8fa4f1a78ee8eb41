using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using VoiceNote.Domain.Results;
using VoiceNote.Modules.AudioProcessing.Application.Storage;
using VoiceNote.Modules.AudioProcessing.Domain;

namespace VoiceNote.Modules.AudioProcessing.Application.Library.UploadAudio;

/// <summary>
/// Reads an upload's body, never buffered whole: the audio streams into the temp area (refused past the
/// limit) and, in a multipart body, the text parts become fields. The whole body is bounded too, by the
/// audio's limit plus <see cref="MultipartAllowance"/>, so endless parts cannot keep a request going.
/// </summary>
internal static class UploadBody
{
    /// <summary>Room for multipart boundaries and the text fields on top of the file's own limit.</summary>
    public const long MultipartAllowance = AudioFile.TranscriptLength * 4L + 64 * 1024;

    /// <summary>The staged audio and the fields: from the parts of a multipart body, else <paramref name="headerFields"/>.</summary>
    public static async Task<Result<(StagedAudio Audio, UploadFields Fields)>> ReadAsync(
        Stream body, string? contentType, UploadFields headerFields, IAudioStorage storage, long limit, CancellationToken ct)
    {
        var bounded = new BoundedStream(body, limit + MultipartAllowance);
        try
        {
            if (MediaTypeHeaderValue.TryParse(contentType, out var type) && type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
            {
                return await ReadMultipartAsync(bounded, type, storage, limit, ct);
            }

            var raw = await storage.StageAsync(bounded, limit, ct);
            return raw.IsFailure ? raw.Error : (raw.Value, headerFields);
        }
        catch (BoundedStream.LimitExceededException)
        {
            return AudioErrors.TooLarge(limit);
        }
        catch (InvalidDataException)
        {
            return AudioErrors.InvalidField("multipart", "The multipart body is malformed.");
        }
    }

    private static async Task<Result<(StagedAudio, UploadFields)>> ReadMultipartAsync(Stream body, MediaTypeHeaderValue type, IAudioStorage storage, long limit, CancellationToken ct)
    {
        var boundary = HeaderUtilities.RemoveQuotes(type.Boundary).Value;
        if (string.IsNullOrEmpty(boundary))
        {
            return AudioErrors.InvalidField("multipart", "The multipart body has no boundary.");
        }

        var reader = new MultipartReader(boundary, body) { BodyLengthLimit = null };
        var fields = new UploadFields();
        StagedAudio? file = null;
        try
        {
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
                        return AudioErrors.InvalidField("multipart", "Send one file per upload.");
                    }

                    fields = fields with { FileName = FileNameOf(disposition) };
                    var staged = await storage.StageAsync(section.Body, limit, ct);
                    if (staged.IsFailure)
                    {
                        return staged.Error;
                    }

                    file = staged.Value;
                }
                else
                {
                    fields = fields.With(name, await ReadFieldAsync(section.Body, ct));
                }
            }

            if (file is null)
            {
                return AudioErrors.NoContent;
            }

            var read = (file, fields);
            file = null;
            return read;
        }
        finally
        {
            // Refused or failed after the file part: its bytes go.
            file?.Dispose();
        }
    }

    /// <summary>The file name a Content-Disposition gives, for display only.</summary>
    public static string? FileNameOf(ContentDispositionHeaderValue disposition) =>
        HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value;

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
}
