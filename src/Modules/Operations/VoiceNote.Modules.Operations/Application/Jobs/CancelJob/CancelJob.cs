using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;

namespace VoiceNote.Modules.Operations.Application.Jobs.CancelJob;

/// <summary>An operator's cancel of a job of any queue: a pending one at once, a running one at its worker's next heartbeat.</summary>
[Requires(Permission = AdminPermissions.CanModifySystemSettings)]
internal sealed record CancelJob(Guid Id) : ICommand<OperatorJobDto>;

internal sealed class CancelJobHandler(JobQueues queues) : ICommandHandler<CancelJob, OperatorJobDto>
{
    public async Task<Result<OperatorJobDto>> Handle(CancelJob request, CancellationToken cancellationToken)
    {
        if (await queues.FindAsync(request.Id, cancellationToken) is not { } found)
        {
            return JobErrors.NotFound;
        }

        var queue = found.Queue;

        if (!await queue.CancelAsync(request.Id, cancellationToken))
        {
            return JobErrors.NotCancellable;
        }

        return OperatorJobDto.From(queue.Name, (await queue.FindAsync(request.Id, cancellationToken))!);
    }
}

internal sealed class CancelJobEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.Admin.MapPost("/jobs/{id}/cancel", async (Guid id, ISender sender, CancellationToken ct) => (await sender.Send(new CancelJob(id), ct)).ToOk())
            .RequirePermission(AdminPermissions.CanModifySystemSettings).WithTags("Admin")
            .WithName("cancelJob").Produces<OperatorJobDto>().ProducesProblem(404).ProducesProblem(409)
            .WithSummary("Cancel a pending or running job of any queue");
}
