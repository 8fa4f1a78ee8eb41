using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Modules.AudioProcessing.Application.Storage;
using VoiceNote.Modules.AudioProcessing.Domain;
using VoiceNote.Modules.AudioProcessing.Infrastructure.Persistence;
using VoiceNote.Modules.AudioProcessing.Speech;

namespace VoiceNote.Modules.AudioProcessing.Application.Library.UploadAudio;

/// <summary>
/// The first half of an upload: read the body into the temp area, check the fields, probe the content.
/// It changes nothing (the staged bytes are scratch, gone when the request ends), so it is a query and
/// runs outside a transaction: a slow client or the probe's tool runs never hold one of the pooled
/// connections (docs/decisions/0050). An earlier upload with the same Idempotency-Key is found before a
/// byte is read.
/// </summary>
/// <param name="Body">The request body: the audio itself, or a multipart form with a part named <c>file</c>.</param>
/// <param name="HeaderFields">The fields sent in the query string and headers (used with a raw body).</param>
[Requires(Scope = ApiScopes.AudioWrite)]
internal sealed record ReceiveAudio(Stream Body, string? ContentType, long? ContentLength, string? IdempotencyKey, UploadFields HeaderFields)
    : IQuery<ReceivedAudio>;

/// <summary>
/// An upload read from the request: either the earlier upload its Idempotency-Key names, or new audio.
/// Dispose it to remove the staged bytes (stored ones have moved already).
/// </summary>
internal sealed record ReceivedAudio(string? IdempotencyKey, AudioFileDto? Earlier, NewAudio? New) : IDisposable
{
    public void Dispose() => New?.Audio.Dispose();
}

/// <summary>New audio in the temp area, what probing found it to be, and the checked fields.</summary>
internal sealed record NewAudio(StagedAudio Audio, MediaInfo Media, UploadDetails Details);

/// <summary>What can be checked before a byte is read; the fields come with the body (see <see cref="UploadFields.Check"/>).</summary>
internal sealed class ReceiveAudioValidator : AbstractValidator<ReceiveAudio>
{
    public ReceiveAudioValidator() =>
        RuleFor(r => r.IdempotencyKey).Must(k => k is null || k.Trim().Length <= AudioFile.IdempotencyKeyLength)
            .WithErrorCode(AudioErrors.IdempotencyKeyTooLong.Code).WithMessage(AudioErrors.IdempotencyKeyTooLong.Message);
}

internal sealed class ReceiveAudioHandler(AudioProcessingDbContext db, IAudioStorage storage, IMediaProbe probe, IOptionsMonitor<AudioOptions> options)
    : IQueryHandler<ReceiveAudio, ReceivedAudio>
{
    public async Task<Result<ReceivedAudio>> Handle(ReceiveAudio request, CancellationToken cancellationToken)
    {
        var limit = options.CurrentValue.MaxUploadBytes;
        if (request.ContentLength > limit + UploadBody.MultipartAllowance)
        {
            return AudioErrors.TooLarge(limit);
        }

        var key = string.IsNullOrWhiteSpace(request.IdempotencyKey) ? null : request.IdempotencyKey.Trim();
        if (key is not null && await db.AudioFiles.AsNoTracking().FirstOrDefaultAsync(a => a.IdempotencyKey == key, cancellationToken) is { } earlier)
        {
            return new ReceivedAudio(key, AudioFileDto.From(earlier), null);
        }

        var read = await AudioReception.ReadAsync(request.Body, request.ContentType, request.ContentLength, request.HeaderFields, storage, probe, limit, cancellationToken);
        return read.IsFailure ? read.Error : new ReceivedAudio(key, null, read.Value);
    }
}

/// <summary>Reads a body into the temp area, checks its fields and probes it: new audio, or nothing left behind.</summary>
internal static class AudioReception
{
    public static async Task<Result<NewAudio>> ReadAsync(
        Stream body, string? contentType, long? contentLength, UploadFields headerFields, IAudioStorage storage, IMediaProbe probe, long limit, CancellationToken cancellationToken)
    {
        if (contentLength > limit + UploadBody.MultipartAllowance)
        {
            return AudioErrors.TooLarge(limit);
        }

        var read = await UploadBody.ReadAsync(body, contentType, headerFields, storage, limit, cancellationToken);
        if (read.IsFailure)
        {
            return read.Error;
        }

        var (audio, fields) = read.Value;
        var received = false;
        try
        {
            var details = fields.Check();
            if (details.IsFailure)
            {
                return details.Error;
            }

            var media = await probe.ProbeAsync(audio.TempPath, cancellationToken);
            if (media.IsFailure)
            {
                return media.Error;
            }

            received = true;
            return new NewAudio(audio, media.Value, details.Value);
        }
        finally
        {
            if (!received)
            {
                audio.Dispose();
            }
        }
    }
}
