using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using VoiceNote.Application.Security;
using VoiceNote.Infrastructure.Http;

namespace VoiceNote.Modules.AudioProcessing.Application.Library.Files;

internal sealed class GetAudioEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.V1.MapGet("/audio/{id:guid}", async (Guid id, AudioLibrary library, CancellationToken ct) => (await library.GetAsync(id, ct)).ToOk())
            .RequireScope(ApiScopes.AudioRead).WithTags("Audio").WithSummary("One of the caller's recordings");
}

internal sealed class ListAudioEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.V1.MapGet("/audio", async (AudioLibrary library, CancellationToken ct, int page = 1, int size = 20, bool archived = false) =>
                TypedResults.Ok(await library.ListAsync(page, size, archived, ct)))
            .RequireScope(ApiScopes.AudioRead).WithTags("Audio").WithSummary("The caller's recordings, newest first, paged");
}

internal sealed class DownloadAudioEndpoint : IEndpoint
{
    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.Ordinal)
    {
        ["webm"] = "audio/webm",
        ["ogg"] = "audio/ogg",
        ["m4a"] = "audio/mp4",
        ["mp4"] = "audio/mp4",
        ["mp3"] = "audio/mpeg",
        ["aac"] = "audio/aac",
        ["wav"] = "audio/wav",
        ["flac"] = "audio/flac",
        ["amr"] = "audio/amr",
        ["caf"] = "audio/x-caf",
    };

    public void MapEndpoint(ApiRoutes routes) =>
        routes.V1.MapGet("/audio/{id:guid}/content", async (Guid id, AudioLibrary library, CancellationToken ct) =>
                (await library.ContentAsync(id, ct)).ToHttp(f =>
                    Results.File(f.Path, ContentTypes.GetValueOrDefault(f.Format, "application/octet-stream"), enableRangeProcessing: true)))
            .RequireScope(ApiScopes.AudioRead).WithTags("Audio").WithSummary("The recording's bytes, with HTTP range support for playback");
}

internal sealed class DeleteAudioEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.V1.MapDelete("/audio/{id:guid}", async (Guid id, AudioLibrary library, CancellationToken ct) => (await library.DeleteAsync(id, ct)).ToNoContent())
            .RequireScope(ApiScopes.AudioWrite).WithTags("Audio").WithSummary("Delete a recording and its file");
}

internal sealed class ArchiveAudioEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes)
    {
        routes.V1.MapPost("/audio/{id:guid}/archive", async (Guid id, AudioLibrary library, CancellationToken ct, string? reason = null) =>
                (await library.SetArchivedAsync(id, true, reason, ct)).ToOk())
            .RequireScope(ApiScopes.AudioWrite).WithTags("Audio").WithSummary("Move a recording to the archive area");
        routes.V1.MapPost("/audio/{id:guid}/restore", async (Guid id, AudioLibrary library, CancellationToken ct) =>
                (await library.SetArchivedAsync(id, false, null, ct)).ToOk())
            .RequireScope(ApiScopes.AudioWrite).WithTags("Audio").WithSummary("Bring a recording back from the archive");
    }
}
