using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using VoiceNote.Application.Jobs;
using VoiceNote.Application.Security;
using VoiceNote.Infrastructure.Http;

namespace VoiceNote.Modules.AudioProcessing.Application.Processing.Admin;

internal sealed class ListAudioJobsEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.Admin.MapGet("/audio/jobs", async (AdminJobs jobs, CancellationToken ct, JobStatus? status = null, int page = 1, int size = 20) =>
                TypedResults.Ok(await jobs.ListAsync(status, page, size, ct)))
            .RequirePermission(AdminPermissions.CanModifySystemSettings).WithTags("Admin").WithSummary("Audio processing jobs of every user, by status");
}

internal sealed class RetryAudioJobEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.Admin.MapPost("/audio/jobs/{id:guid}/retry", async (Guid id, AdminJobs jobs, CancellationToken ct) => (await jobs.RetryAsync(id, ct)).ToOk())
            .RequirePermission(AdminPermissions.CanModifySystemSettings).WithTags("Admin").WithSummary("Retry a failed or cancelled processing job with fresh attempts");
}
