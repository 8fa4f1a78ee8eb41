using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using VoiceNote.Application.Idempotency;
using VoiceNote.Application.Jobs;
using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Jobs;
using VoiceNote.Modules.AudioProcessing.Contracts;
using VoiceNote.Modules.Cases.Contracts;
using VoiceNote.Modules.Exports.Application.Common;
using VoiceNote.Modules.Exports.Application.Formats;
using VoiceNote.Modules.Exports.Application.Writing;
using VoiceNote.Modules.Exports.Domain;
using VoiceNote.Modules.Exports.Infrastructure.Persistence;
using VoiceNote.Modules.Notes.Contracts;

namespace VoiceNote.Modules.Exports.Application.Requests.RequestExport;

/// <summary>
/// Queues an export of <paramref name="Type"/> (a format's API name) made of <paramref name="Source"/>. The same
/// request while an equal one is still pending or running answers that one (<see cref="Creation{T}.Created"/> false)
/// rather than writing the file twice. Refused past the hourly quota, and for an account larger than an export may be.
/// </summary>
[Requires(Scope = ApiScopes.ExportsWrite)]
internal sealed record RequestExport(string? Type, ExportSourceDto? Source) : ICommand<Creation<ExportDto>>;

internal sealed class RequestExportValidator : AbstractValidator<RequestExport>
{
    public RequestExportValidator()
    {
        RuleFor(r => r.Type).NotEmpty()
            .Must(t => ExportFormat.Named(t) is not null)
            .WithMessage($"Must be one of: {string.Join(", ", ExportFormat.All.Select(f => f.Name))}.");
        RuleFor(r => r.Source).NotNull();
        RuleFor(r => r.Source!.Id).NotEmpty().When(r => r.Source is { Kind: not ExportSource.Account })
            .OverridePropertyName("source.id").WithMessage("A note, recording or case export names its source's id.");
        RuleFor(r => r.Source!.Kind).Must((r, kind) => ExportFormat.Named(r.Type) is not { } format || ExportWriters.Accepts(format, kind))
            .When(r => r.Source is not null)
            .OverridePropertyName("source.kind")
            .WithMessage(r => $"A '{r.Type}' export is made of {ExportWriters.SourcesOf(ExportFormat.Named(r.Type)!)}.");
    }
}

internal sealed class RequestExportHandler(
    ExportsDbContext db,
    ICurrentUser caller,
    JobQueue<ExportsDbContext> jobs,
    INoteExports notes,
    IRecordingExports recordings,
    ICaseExports cases,
    IOptions<ExportsOptions> options,
    TimeProvider clock) : ICommandHandler<RequestExport, Creation<ExportDto>>
{
    public async Task<Result<Creation<ExportDto>>> Handle(RequestExport request, CancellationToken cancellationToken)
    {
        var format = ExportFormat.Named(request.Type)!;
        var source = request.Source!;
        var sourceId = source.Kind == ExportSource.Account ? null : source.Id;
        var me = caller.Id.Value;
        var settings = options.Value;

        var allowed = await CheckSourceAsync(source.Kind, sourceId, me, settings, cancellationToken);
        if (allowed.IsFailure)
        {
            return allowed.Error;
        }

        // One requester's exports take turns from here to the commit: the pending check and the quota's count
        // then see every earlier request, so a double click queues one export, not two.
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({"exports.request:" + me.ToString("N")}, 0))", cancellationToken);

        var pending = await (
            from e in db.Exports
            join j in db.Jobs on e.Id equals j.Id
            where e.OwnerId == me && e.Format == format.Name && e.Source == source.Kind && e.SourceId == sourceId
                  && e.Outcome == null && (j.Status == JobStatus.Pending || j.Status == JobStatus.Processing)
            orderby e.CreatedAt descending
            select new { e, j }).AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        if (pending is not null)
        {
            return new Creation<ExportDto>(ExportDto.From(pending.e, pending.j), Created: false);
        }

        var now = clock.GetUtcNow();
        var lastHour = await db.Exports.CountAsync(e => e.OwnerId == me && e.CreatedAt > now.AddHours(-1), cancellationToken);
        if (lastHour >= settings.PerUserPerHour)
        {
            return ExportsErrors.QuotaExceeded(settings.PerUserPerHour);
        }

        // The export shares its job's id: the job needs nothing else to find what to write.
        var job = jobs.Enqueue(db, WriteExportJob.JobKind, new { }, me, WriteExportJob.Attempts);
        var export = Export.Request(job.Id, me, format.Name, source.Kind, sourceId, now, settings.Retention);
        db.Exports.Add(export);
        return new Creation<ExportDto>(ExportDto.From(export, job), Created: true);
    }

    /// <summary>The source exists and is the caller's to export: another user's note, recording or case is 404.</summary>
    private async Task<Result> CheckSourceAsync(ExportSource kind, Guid? id, Guid me, ExportsOptions settings, CancellationToken cancellationToken)
    {
        switch (kind)
        {
            case ExportSource.Note:
                return await notes.FindOwnAsync(id!.Value, me, cancellationToken) is null ? ExportsErrors.SourceNotFound : Result.Success();
            case ExportSource.Recording:
                return await recordings.FindOwnAsync(id!.Value, me, cancellationToken) is null ? ExportsErrors.SourceNotFound : Result.Success();
            case ExportSource.Case:
                var found = await cases.ForExportAsync(id!.Value, me, cancellationToken);
                return found is null ? ExportsErrors.SourceNotFound : found.MayExport ? Result.Success() : ExportsErrors.CaseExportForbidden;
            default:
                // The recordings are most of an account's bytes: an account that cannot fit is refused now, not
                // after an hour of copying. The writer still stops at the limit should it grow meanwhile.
                var totals = await recordings.TotalsOwnAsync(me, cancellationToken);
                return totals.Bytes > settings.MaxBytes ? ExportsErrors.TooLarge(settings.MaxBytes) : Result.Success();
        }
    }
}
