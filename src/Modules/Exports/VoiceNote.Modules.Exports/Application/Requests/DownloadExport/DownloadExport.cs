using Microsoft.Net.Http.Headers;
using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Modules.Exports.Application.Common;
using VoiceNote.Modules.Exports.Application.Formats;
using VoiceNote.Modules.Exports.Application.Writing;
using VoiceNote.Modules.Exports.Contracts;
using VoiceNote.Modules.Exports.Domain;
using VoiceNote.Modules.Exports.Infrastructure.Persistence;

namespace VoiceNote.Modules.Exports.Application.Requests.DownloadExport;

/// <summary>A completed export's file to stream back: a server path (never shown), its media type and download name.</summary>
internal sealed record ExportFile(string Path, string ContentType, string FileName);

/// <summary>
/// The file of a completed export the caller may see. A download from its first byte is recorded in the activity log
/// (<see cref="ExportDownloaded"/>); the later ranges of a resumed download are not counted again.
/// </summary>
[Requires(Scope = ApiScopes.ExportsRead)]
internal sealed record DownloadExport(Guid ExportId, bool FromStart) : ICommand<ExportFile>;

internal sealed class DownloadExportHandler(ExportsDbContext db, ExportAccess access, ExportFiles files, ICurrentUser caller, TimeProvider clock)
    : ICommandHandler<DownloadExport, ExportFile>
{
    public async Task<Result<ExportFile>> Handle(DownloadExport request, CancellationToken cancellationToken)
    {
        var found = await access.ReadableAsync(request.ExportId, cancellationToken);
        if (found.IsFailure)
        {
            return found.Error;
        }

        var export = found.Value.Export;
        if (export.Outcome != ExportOutcome.Completed || export.StorageKey is null)
        {
            return ExportsErrors.NotReady;
        }

        var path = files.PathOf(export.StorageKey);
        if (!File.Exists(path))
        {
            return ExportsErrors.FileGone;
        }

        if (request.FromStart)
        {
            var caseId = export.Source == ExportSource.Case ? export.SourceId : null;
            db.Publish(new ExportDownloaded(
                export.Id, caller.Id.Value, export.OwnerId, export.Format, export.Source.ToString().ToUpperInvariant(), export.SourceId, caseId, clock.GetUtcNow()));
        }

        var format = ExportFormat.Named(export.Format)!;
        return new ExportFile(path, format.ContentType, export.FileName ?? $"export.{format.Extension}");
    }
}

internal sealed class DownloadExportEndpoint : IEndpoint
{
    private static readonly string[] ContentTypes = ExportFormat.All.Select(f => f.ContentType.Split(';')[0]).Distinct().ToArray();

    public void MapEndpoint(ApiRoutes routes) =>
        routes.V1.MapGet("/exports/{id}/file", async (Guid id, HttpContext http, ISender sender, CancellationToken ct) =>
            {
                var fromStart = !RangeHeaderValue.TryParse(http.Request.Headers.Range.ToString(), out var range)
                    || range.Ranges.FirstOrDefault()?.From is null or 0;
                var file = await sender.Send(new DownloadExport(id, fromStart), ct);
                return file.ToHttp(f => TypedResults.PhysicalFile(f.Path, f.ContentType, f.FileName, enableRangeProcessing: true));
            })
            .RequireScope(ApiScopes.ExportsRead).WithTags("Exports")
            .WithName("downloadExport")
            // Labelled with the format's type; 206 answers a Range request, 416 one past the end.
            // Any value: the body is a file, even when it is JSON (a JSON export is the note's own schema, docs/exports).
            .Produces(StatusCodes.Status200OK, typeof(System.Text.Json.JsonElement), ContentTypes[0], ContentTypes[1..])
            .Produces(StatusCodes.Status206PartialContent, typeof(System.Text.Json.JsonElement), ContentTypes[0], ContentTypes[1..])
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status416RangeNotSatisfiable)
            .WithSummary("Download a completed export's file (Range requests supported; the name is in Content-Disposition)");
}
