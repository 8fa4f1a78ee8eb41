using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Infrastructure.Http;

// The use case shares its folder's name, so the type is named in full once.
using StatusOf = VoiceNote.Modules.AudioProcessing.Application.Processing.GetProcessingStatus.GetProcessingStatus;

namespace VoiceNote.Modules.AudioProcessing.Application.Processing.FollowProcessing;

/// <summary>
/// <c>GET /api/v1/audio/{id}/processing/events</c>: server-sent events, one <c>progress</c> event each
/// time the status changes, ending when the job is finished or the stream's lifetime is over. Each read
/// waits for the job's next change (<see cref="StatusOf"/> with the status already sent), which the
/// database announces whichever process ran the job. A user holds a few streams at most (<see cref="ProgressStreams"/>).
/// </summary>
internal sealed class FollowProcessingEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.V1.MapGet("/audio/{id}/processing/events", async (Guid id, HttpContext http, ISender sender, CancellationToken ct) =>
            {
                var first = await sender.Send(new StatusOf(id), ct);
                if (first.IsFailure)
                {
                    return ProblemResults.From(first.Error);
                }

                var slot = await sender.Send(new OpenProgressStream(), ct);
                if (slot.IsFailure)
                {
                    return ProblemResults.From(slot.Error);
                }

                // Freed when the stream ends, and with the response should the stream never start.
                http.Response.RegisterForDispose(slot.Value);
                return TypedResults.ServerSentEvents(Follow(id, first.Value, slot.Value, sender, ct));
            })
            .RequireScope(ApiScopes.AudioRead).WithTags("Audio processing").WithName("followProcessing")
            .Produces<ProcessingStatusDto>(StatusCodes.Status200OK, "text/event-stream") // each event's data
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithSummary("Live processing progress as server-sent events, until the job finishes");

    private static async IAsyncEnumerable<SseItem<ProcessingStatusDto>> Follow(
        Guid id, ProcessingStatusDto first, ProgressStreamSlot slot, ISender sender, [EnumeratorCancellation] CancellationToken ct)
    {
        using var place = slot;
        var last = first;
        yield return new SseItem<ProcessingStatusDto>(first, "progress");
        while (!last.IsFinished && !ct.IsCancellationRequested && !place.HasExpired)
        {
            var next = await sender.Send(new StatusOf(id, Known: last), ct);
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
