using Microsoft.AspNetCore.Http.Metadata;
using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Infrastructure.Http;

namespace VoiceNote.Modules.Cases.Application.Recordings.UploadCaseRecording;

/// <summary>
/// <c>POST /api/v1/cases/{id}/recordings</c>: audio into a case, as the raw body or a multipart part named <c>file</c>,
/// like <c>POST /api/v1/audio</c>. Checked (access), read (no transaction), then kept; a new recording answers 201,
/// the caller's same bytes again 200 (attached to the case).
/// </summary>
internal sealed class UploadCaseRecordingEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.V1.MapPost("/cases/{id}/recordings", UploadAsync)
            .RequireScope(ApiScopes.CasesWrite)
            .WithMetadata(new NoServerBodyLimit())
            .WithMetadata(new FileUploadBody(["audio/*", "video/mp4", "application/octet-stream"], ["title"], ["title"]))
            .DisableAntiforgery()
            .WithTags("Cases")
            .WithName("uploadCaseRecording")
            .Produces<CaseRecordingDto>(StatusCodes.Status201Created)
            .Produces<CaseRecordingDto>()
            // Read by hand: a bad field (400), too big or over quota (413), not audio (415), too long (422), too much
            // audio waiting (429), the server's disk full (507), as for any upload.
            .ProducesProblem(400).ProducesProblem(413).ProducesProblem(415).ProducesProblem(422).ProducesProblem(429).ProducesProblem(507)
            .WithSummary("Upload a recording into a case: the uploader's recording, stored with the case");

    private static async Task<IResult> UploadAsync(Guid id, HttpRequest request, ISender sender, CancellationToken ct, string? title = null)
    {
        var received = await sender.Send(new ReceiveCaseRecording(id, request.Body, request.ContentType, request.ContentLength, title), ct);
        if (received.IsFailure)
        {
            return ProblemResults.From(received.Error);
        }

        using var staged = received.Value;
        return (await sender.Send(new UploadCaseRecording(id, staged), ct)).ToHttp(u => u.Created
            ? TypedResults.Created($"/api/v1/cases/{id}/recordings/{u.Recording.AudioId}", u.Recording)
            : TypedResults.Ok(u.Recording));
    }

    /// <summary>Lifts the server-wide body limit for this route: the upload's own limit applies as it is read.</summary>
    private sealed class NoServerBodyLimit : IRequestSizeLimitMetadata
    {
        public long? MaxRequestBodySize => null;
    }
}
