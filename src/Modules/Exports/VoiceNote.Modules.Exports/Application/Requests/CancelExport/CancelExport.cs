using Microsoft.Extensions.Options;
using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Infrastructure.Jobs;
using VoiceNote.Modules.Exports.Application.Common;
using VoiceNote.Modules.Exports.Domain;
using VoiceNote.Modules.Exports.Infrastructure.Persistence;

namespace VoiceNote.Modules.Exports.Application.Requests.CancelExport;

/// <summary>
/// Stops an export its requester no longer wants: a pending one never starts, a running one stops at its next
/// heartbeat and leaves no file. It reads as cancelled at once. A finished export is 409: delete it instead.
/// </summary>
[Requires(Scope = ApiScopes.ExportsWrite)]
internal sealed record CancelExport(Guid ExportId) : ICommand<ExportDto>;

internal sealed class CancelExportHandler(
    ExportAccess access, JobQueue<ExportsDbContext> jobs, IOptions<ExportsOptions> options, TimeProvider clock)
    : ICommandHandler<CancelExport, ExportDto>
{
    public async Task<Result<ExportDto>> Handle(CancelExport request, CancellationToken cancellationToken)
    {
        var own = await access.OwnAsync(request.ExportId, cancellationToken);
        if (own.IsFailure)
        {
            return own.Error;
        }

        var export = own.Value;
        if (export.Outcome is not null || !await jobs.CancelAsync(export.Id, cancellationToken))
        {
            return ExportsErrors.AlreadyFinished;
        }

        export.Ended(ExportOutcome.Cancelled, null, clock.GetUtcNow(), options.Value.Retention);
        return ExportDto.From(export, null);
    }
}

internal sealed class CancelExportEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.V1.MapPost("/exports/{id}/cancel", async (Guid id, ISender sender, CancellationToken ct) => (await sender.Send(new CancelExport(id), ct)).ToOk())
            .RequireScope(ApiScopes.ExportsWrite).WithTags("Exports")
            .WithName("cancelExport").Produces<ExportDto>()
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Cancel a pending or running export; it leaves no file");
}
