using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;
using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Modules.Exports.Application.Common;

// The use case shares its folder's name, so the type is named in full once.
using ExportOf = VoiceNote.Modules.Exports.Application.Requests.GetExport.GetExport;

namespace VoiceNote.Modules.Exports.Application.Requests.FollowExport;

/// <summary>
/// <c>GET /api/v1/exports/{id}/events</c>: server-sent events, one <c>progress</c> event each time the export's status
/// or progress changes, ending when it is finished or after <c>Exports:ProgressStreamLifetime</c>.
/// </summary>
internal sealed class FollowExportEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.V1.MapGet("/exports/{id}/events", async (Guid id, ISender sender, IOptions<ExportsOptions> options, TimeProvider clock, CancellationToken ct) =>
            {
                var first = await sender.Send(new ExportOf(id), ct);
                return first.IsFailure
                    ? ProblemResults.From(first.Error)
                    : TypedResults.ServerSentEvents(Follow(id, first.Value, sender, clock.GetUtcNow() + options.Value.ProgressStreamLifetime, clock, ct));
            })
            .RequireScope(ApiScopes.ExportsRead).WithTags("Exports").WithName("followExport")
            .Produces<ExportDto>(StatusCodes.Status200OK, "text/event-stream") // each event's data
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Live export progress as server-sent events, until the export finishes");

    private static async IAsyncEnumerable<SseItem<ExportDto>> Follow(
        Guid id, ExportDto first, ISender sender, DateTimeOffset endsAt, TimeProvider clock, [EnumeratorCancellation] CancellationToken ct)
    {
        var last = first;
        yield return new SseItem<ExportDto>(first, "progress");
        while (!last.IsFinished && !ct.IsCancellationRequested && clock.GetUtcNow() < endsAt)
        {
            var next = await sender.Send(new ExportOf(id, Known: last), ct);
            if (next.IsFailure)
            {
                yield break;
            }

            if (next.Value != last)
            {
                last = next.Value;
                yield return new SseItem<ExportDto>(last, "progress");
            }
        }
    }
}
