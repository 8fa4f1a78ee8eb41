using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;

namespace VoiceNote.Modules.Operations.Application.Jobs.RetryJob;

/// <summary>An operator's retry of a failed or cancelled job of any queue: pending again with fresh attempts; stages its earlier runs saved are reused.</summary>
[Requires(Permission = AdminPermissions.CanModifySystemSettings)]
internal sealed record RetryJob(Guid Id) : ICommand<OperatorJobDto>;

internal sealed class RetryJobHandler(JobQueues queues) : ICommandHandler<RetryJob, OperatorJobDto>
{
    public async Task<Result<OperatorJobDto>> Handle(RetryJob request, CancellationToken cancellationToken)
    {
        if (await queues.FindAsync(request.Id, cancellationToken) is not { } found)
        {
            return JobErrors.NotFound;
        }

        var queue = found.Queue;

        if (!await queue.RetryAsync(request.Id, cancellationToken))
        {
            return JobErrors.NotRetryable;
        }

        return OperatorJobDto.From(queue.Name, (await queue.FindAsync(request.Id, cancellationToken))!);
    }
}

internal sealed class RetryJobEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.Admin.MapPost("/jobs/{id}/retry", async (Guid id, ISender sender, CancellationToken ct) => (await sender.Send(new RetryJob(id), ct)).ToOk())
            .RequirePermission(AdminPermissions.CanModifySystemSettings).WithTags("Admin")
            .WithName("retryJob").Produces<OperatorJobDto>().ProducesProblem(404).ProducesProblem(409)
            .WithSummary("Retry a failed or cancelled job of any queue with fresh attempts");
}
