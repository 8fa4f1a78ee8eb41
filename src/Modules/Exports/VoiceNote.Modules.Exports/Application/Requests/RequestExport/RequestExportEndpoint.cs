using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Modules.Exports.Application.Common;

namespace VoiceNote.Modules.Exports.Application.Requests.RequestExport;

/// <summary>The body of an export request: the format's name and what to export.</summary>
/// <param name="Type">pdf_summary, pdf_transcript, markdown_summary, markdown_transcript, srt, vtt, txt, json, docx (a note or a recording), case, or account</param>
/// <param name="Source">{kind: NOTE | RECORDING | CASE | ACCOUNT, id}; the id is left out for ACCOUNT</param>
internal sealed record ExportRequestBody(string? Type, ExportSourceDto? Source);

internal sealed class RequestExportEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.V1.MapPost("/exports", async (ExportRequestBody body, ISender sender, CancellationToken ct) =>
                (await sender.Send(new RequestExport(body.Type, body.Source), ct)).ToHttp(made => made.Created
                    ? TypedResults.Accepted($"/api/v1/exports/{made.Value.Id}", made.Value)
                    : TypedResults.Ok(made.Value)))
            .RequireScope(ApiScopes.ExportsWrite).WithTags("Exports")
            .WithName("requestExport").Produces<ExportDto>(StatusCodes.Status202Accepted).Produces<ExportDto>()
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithSummary("Queue an export of a note, a recording, a case or the whole account; the same request while one is pending answers that one (200)");
}
