using Microsoft.Extensions.Options;
using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Infrastructure.Jobs;
using VoiceNote.Modules.Exports.Application.Common;

namespace VoiceNote.Modules.Exports.Application.Requests.GetExport;

/// <summary>
/// One export the caller may see, with its job's status and progress. Given the status a follower already has
/// (<see cref="Known"/>), it answers when the job's row changes (a database notification) or after
/// <c>Exports:ProgressCheckInterval</c> at the latest, as recordings' progress does (ADR 0070).
/// </summary>
[Requires(Scope = ApiScopes.ExportsRead)]
internal sealed record GetExport(Guid ExportId, ExportDto? Known = null) : IQuery<ExportDto>;

internal sealed class GetExportHandler(ExportAccess access, JobChanges changes, IOptions<ExportsOptions> options) : IQueryHandler<GetExport, ExportDto>
{
    public async Task<Result<ExportDto>> Handle(GetExport request, CancellationToken cancellationToken)
    {
        // Taken before the read: a change between the read and the wait still wakes it.
        var change = request.Known is null ? null : changes.NextChangeOf(request.ExportId);
        var now = await ReadAsync(request.ExportId, cancellationToken);
        if (change is null || now.IsFailure || now.Value != request.Known)
        {
            return now;
        }

        await change.WaitAsync(options.Value.ProgressCheckInterval, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        cancellationToken.ThrowIfCancellationRequested();
        return await ReadAsync(request.ExportId, cancellationToken);
    }

    private async Task<Result<ExportDto>> ReadAsync(Guid exportId, CancellationToken cancellationToken)
    {
        var found = await access.ReadableAsync(exportId, cancellationToken);
        return found.IsFailure ? found.Error : ExportDto.From(found.Value.Export, found.Value.Job);
    }
}

internal sealed class GetExportEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.V1.MapGet("/exports/{id}", async (Guid id, ISender sender, CancellationToken ct) => (await sender.Send(new GetExport(id), ct)).ToOk())
            .RequireScope(ApiScopes.ExportsRead).WithTags("Exports")
            .WithName("getExport").Produces<ExportDto>().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("An export: status, stage, progress, error, and once completed its file's name, size, checksum and download link");
}
