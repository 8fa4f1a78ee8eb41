using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Infrastructure.Http;

namespace VoiceNote.Modules.AudioProcessing.Application.Processing.GetProcessingStatus;

/// <summary>
/// <c>GET /api/v1/audio/{id}/processing/events</c>: server-sent events, one <c>progress</c> event each
/// time the status changes (asked for twice a second with <see cref="GetProcessingStatus"/>), ending when
/// the job is finished. The status is read from the database, so it follows jobs run by any worker process.
/// </summary>
internal sealed class FollowProcessingEndpoint : IEndpoint
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    public void MapEndpoint(ApiRoutes routes) =>
        routes.V1.MapGet("/audio/{id}/processing/events", async (Guid id, ISender sender, CancellationToken ct) =>
            {
                var first = await sender.Send(new GetProcessingStatus(id), ct);
                return first.IsFailure
                    ? ProblemResults.From(first.Error)
                    : TypedResults.ServerSentEvents(Follow(id, first.Value, sender, ct));
            })
            .RequireScope(ApiScopes.AudioRead).WithTags("Audio processing").WithName("followProcessing")
            .Produces<ProcessingStatusDto>(StatusCodes.Status200OK, "text/event-stream") // each event's data
            .WithSummary("Live processing progress as server-sent events, until the job finishes");

    private static async IAsyncEnumerable<SseItem<ProcessingStatusDto>> Follow(
        Guid id, ProcessingStatusDto first, ISender sender, [EnumeratorCancellation] CancellationToken ct)
    {
        var last = first;
        yield return new SseItem<ProcessingStatusDto>(first, "progress");
        while (!last.IsFinished && !ct.IsCancellationRequested)
        {
            await Task.Delay(PollInterval, ct);
            var next = await sender.Send(new GetProcessingStatus(id), ct);
            if (next.IsFailure)
            {
                yield break;
            }

            if (next.Value != last)
            {
                last = next.Value;
                yield return new SseItem<ProcessingStatusDto>(last, "progress");
            }
        }
    }
}
