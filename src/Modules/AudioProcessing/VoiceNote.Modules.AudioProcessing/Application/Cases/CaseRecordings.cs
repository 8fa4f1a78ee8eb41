using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using VoiceNote.Application.Messaging;
using VoiceNote.Domain.Primitives;
using VoiceNote.Domain.Results;
using VoiceNote.Modules.AudioProcessing.Application.Common;
using VoiceNote.Modules.AudioProcessing.Application.Library;
using VoiceNote.Modules.AudioProcessing.Application.Library.UploadAudio;
using VoiceNote.Modules.AudioProcessing.Application.Storage;
using VoiceNote.Modules.AudioProcessing.Contracts;
using VoiceNote.Modules.AudioProcessing.Domain;
using VoiceNote.Modules.AudioProcessing.Speech;

namespace VoiceNote.Modules.AudioProcessing.Application.Cases;

/// <summary>
/// What the Cases module asks of recordings (docs/decisions/0079). Cases has checked the caller's part in the case
/// before it calls, so reads here lift the owner filter for recordings a case holds; what changes recordings goes
/// through this module's own commands, each in this module's transaction.
/// </summary>
internal sealed class CaseRecordings(
    RecordingReads reads, IAudioStorage storage, IMediaProbe probe, IOptionsMonitor<AudioOptions> options, ISender sender) : ICaseRecordings
{
    private IQueryable<AudioFile> AnyOwner => reads.AnyOwner;

    public async Task<Result<IStagedRecording>> ReceiveAsync(Stream body, string? contentType, long? contentLength, string? title, CancellationToken cancellationToken)
    {
        var read = await AudioReception.ReadAsync(
            body, contentType, contentLength, new UploadFields { Title = title }, storage, probe, options.CurrentValue.MaxUploadBytes, cancellationToken);
        return read.IsFailure ? read.Error : new StagedRecording(read.Value);
    }

    public async Task<Result<StoredRecording>> StoreAsync(IStagedRecording staged, Guid uploaderId, Guid caseId, CancellationToken cancellationToken)
    {
        var upload = staged as StagedRecording ?? throw new ArgumentException("Stage the upload with ReceiveAsync first.", nameof(staged));
        var kept = await sender.Send(new StoreCaseRecording.StoreCaseRecording(upload.Audio, uploaderId, caseId), cancellationToken);
        if (kept.IsFailure)
        {
            return kept.Error;
        }

        var stored = await AnyOwner.FirstAsync(a => a.Id == kept.Value.Item.Id, cancellationToken);
        return new StoredRecording(RecordingReads.SummaryOf(stored), kept.Value.Created);
    }

    public async Task<RecordingSummary?> FindOwnAsync(Guid audioId, Guid ownerId, CancellationToken cancellationToken)
    {
        var owner = new UserId(ownerId);
        var file = await AnyOwner.FirstOrDefaultAsync(a => a.Id == audioId && a.OwnerId == owner, cancellationToken);
        return file is null ? null : RecordingReads.SummaryOf(file);
    }

    public async Task<IReadOnlyList<RecordingSummary>> DescribeAsync(IReadOnlyCollection<Guid> audioIds, CancellationToken cancellationToken)
    {
        var files = await AnyOwner.Where(a => audioIds.Contains(a.Id)).ToListAsync(cancellationToken);
        return files.Select(RecordingReads.SummaryOf).ToList();
    }

    public async Task<RecordingContent?> ContentAsync(Guid audioId, CancellationToken cancellationToken)
    {
        var file = await AnyOwner.Where(a => a.Id == audioId).Select(a => new { a.StorageKey, a.Format }).FirstOrDefaultAsync(cancellationToken);
        return file is null ? null : reads.ContentOf(file.StorageKey, file.Format);
    }

    public async Task<RecordingVersions> VersionsAsync(Guid audioId, CancellationToken cancellationToken)
    {
        var file = await AnyOwner.FirstOrDefaultAsync(a => a.Id == audioId, cancellationToken);
        return file is null ? new RecordingVersions([], []) : (await reads.RunsAsync([file], cancellationToken))[file.Id].Versions;
    }

    public async Task<Result<Guid>> ProcessAgainAsync(Guid audioId, Guid startedBy, string? engine, CancellationToken cancellationToken) =>
        await sender.Send(new ProcessCaseRecording.ProcessCaseRecording(audioId, startedBy, engine), cancellationToken);

    /// <summary>The staged upload behind the contract's handle.</summary>
    private sealed class StagedRecording(NewAudio audio) : IStagedRecording
    {
        public NewAudio Audio => audio;

        public void Dispose() => audio.Audio.Dispose();
    }
}
