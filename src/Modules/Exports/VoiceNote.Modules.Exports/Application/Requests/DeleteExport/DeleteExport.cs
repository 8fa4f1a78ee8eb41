using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Infrastructure.Jobs;
using VoiceNote.Modules.Exports.Application.Common;
using VoiceNote.Modules.Exports.Application.Writing;
using VoiceNote.Modules.Exports.Infrastructure.Persistence;

namespace VoiceNote.Modules.Exports.Application.Requests.DeleteExport;

/// <summary>Removes an export and its file now rather than at the end of its retention; a running one is cancelled first.</summary>
[Requires(Scope = ApiScopes.ExportsWrite)]
internal sealed record DeleteExport(Guid ExportId) : ICommand;

internal sealed class DeleteExportHandler(ExportsDbContext db, ExportAccess access, JobQueue<ExportsDbContext> jobs, ExportFiles files)
    : ICommandHandler<DeleteExport>
{
    public async Task<Result> Handle(DeleteExport request, CancellationToken cancellationToken)
    {
        var own = await access.OwnAsync(request.ExportId, cancellationToken);
        if (own.IsFailure)
        {
            return own.Error;
        }

        // A running writer finds no row when it ends and keeps nothing: its partial file goes with its run.
        await jobs.CancelAsync(own.Value.Id, cancellationToken);
        db.Exports.Remove(own.Value);
        files.Delete(own.Value.StorageKey);
        return Result.Success();
    }
}

internal sealed class DeleteExportEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.V1.MapDelete("/exports/{id}", async (Guid id, ISender sender, CancellationToken ct) => (await sender.Send(new DeleteExport(id), ct)).ToNoContent())
            .RequireScope(ApiScopes.ExportsWrite).WithTags("Exports")
            .WithName("deleteExport").Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Delete an export and its file now");
}
