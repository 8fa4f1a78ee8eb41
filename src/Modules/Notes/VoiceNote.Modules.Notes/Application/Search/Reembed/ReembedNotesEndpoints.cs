using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;

namespace VoiceNote.Modules.Notes.Application.Search.Reembed;

/// <summary>Starts re-embedding every note with the current model (or reports the run already going).</summary>
[Requires(Permission = AdminPermissions.CanModifySystemSettings)]
internal sealed record StartReembedding : ICommand<ReembedStatusDto>;

/// <summary>The re-embedding's progress.</summary>
[Requires(Permission = AdminPermissions.CanModifySystemSettings)]
internal sealed record GetReembedding : IQuery<ReembedStatusDto>;

internal sealed class StartReembeddingHandler(ReembedRunner runner) : ICommandHandler<StartReembedding, ReembedStatusDto>
{
    public Task<Result<ReembedStatusDto>> Handle(StartReembedding request, CancellationToken cancellationToken) =>
        Task.FromResult<Result<ReembedStatusDto>>(runner.Start());
}

internal sealed class GetReembeddingHandler(ReembedRunner runner) : IQueryHandler<GetReembedding, ReembedStatusDto>
{
    public Task<Result<ReembedStatusDto>> Handle(GetReembedding request, CancellationToken cancellationToken) =>
        Task.FromResult<Result<ReembedStatusDto>>(runner.Status);
}

internal sealed class StartReembeddingEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.Admin.MapPost("/search/reembed", async (ISender sender, CancellationToken ct) => (await sender.Send(new StartReembedding(), ct)).ToOk())
            .RequirePermission(AdminPermissions.CanModifySystemSettings)
            .WithName("startReembedding").Produces<ReembedStatusDto>()
            .WithSummary("Re-embed every note with the current embedding model, in the background (can_modify_system_settings)");
}

internal sealed class GetReembeddingEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.Admin.MapGet("/search/reembed", async (ISender sender, CancellationToken ct) => (await sender.Send(new GetReembedding(), ct)).ToOk())
            .RequirePermission(AdminPermissions.CanModifySystemSettings)
            .WithName("getReembedding").Produces<ReembedStatusDto>()
            .WithSummary("The re-embedding's progress (can_modify_system_settings)");
}
