using Microsoft.EntityFrameworkCore;
using VoiceNote.Domain.Primitives;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Modules.Cases.Application.Common;
using VoiceNote.Modules.Cases.Domain;
using VoiceNote.Modules.Cases.Infrastructure.Persistence;
using VoiceNote.Modules.Identity.Contracts;
using VoiceNote.Modules.Notes.Contracts;

namespace VoiceNote.Modules.Cases.Application.Notes;

/// <summary>What the case note use cases share: finding a link, describing notes, answering with the note's tag.</summary>
internal static class CaseNoteRules
{
    public static Task<CaseNote?> FindNoteLinkAsync(this CasesDbContext db, Guid caseId, Guid noteId, CancellationToken cancellationToken) =>
        db.Notes.FirstOrDefaultAsync(n => n.CaseId == caseId && n.NoteId == noteId, cancellationToken);

    /// <summary>
    /// Locks the case row and checks the caller still takes part: a note change and a removal of its writer take turns,
    /// so no note is linked for somebody whose removal took their notes out a moment before.
    /// </summary>
    public static async Task<Error?> LockForNoteChangeAsync(this CasesDbContext db, Guid caseId, UserId caller, CancellationToken cancellationToken)
    {
        await db.LockCaseAsync(caseId, cancellationToken);
        return await db.Participants.AnyAsync(p => p.CaseId == caseId && p.UserId == caller, cancellationToken) ? null : CasesErrors.CaseNotFound;
    }

    /// <summary>The notes of these links as the case shows them, in the links' order; a link whose note is gone is left out.</summary>
    public static async Task<List<CaseNoteDto>> DescribeAsync(
        this IReadOnlyList<CaseNote> links, INotesModule notes, IIdentityModule identity, CancellationToken cancellationToken)
    {
        var found = (await notes.GetNotesAsync(links.Select(l => l.NoteId).ToList(), cancellationToken)).ToDictionary(n => n.Id);
        var owners = (await identity.GetUsersAsync(found.Values.Select(n => new UserId(n.OwnerId)).Distinct().ToList(), cancellationToken))
            .ToDictionary(u => u.UserId.Value);
        return links.Where(l => found.ContainsKey(l.NoteId))
            .Select(l => CaseNoteDto.From(l, found[l.NoteId], owners.GetValueOrDefault(found[l.NoteId].OwnerId))).ToList();
    }

    public static async Task<CaseNoteDto?> DescribeAsync(this CaseNote link, INotesModule notes, IIdentityModule identity, CancellationToken cancellationToken) =>
        (await new[] { link }.DescribeAsync(notes, identity, cancellationToken)).FirstOrDefault();

    /// <summary>200 (or 201 at <paramref name="location"/>) with the note's tag in the ETag header; a stale edit's 412 carries the current tag.</summary>
    public static IResult ToNoteAnswer(this Result<CaseNoteDto> result, HttpContext http, string? location = null)
    {
        if (result.IsFailure)
        {
            if (result.Error is StaleCaseNote stale)
            {
                http.Response.Headers.ETag = stale.CurrentTag;
            }

            return ProblemResults.From(result.Error);
        }

        http.Response.Headers.ETag = result.Value.Etag;
        return location is null ? TypedResults.Ok(result.Value) : TypedResults.Created(location, result.Value);
    }
}

/// <summary>The note changed since the tag the writer sent (412 <c>concurrency.stale</c>); the answer's ETag header is its current tag.</summary>
internal sealed record StaleCaseNote(string CurrentTag)
    : Error(NoteChangedSinceRead.StaleCode, "This note changed since you read it. Read it again (its current ETag is in this answer's ETag header), then reapply your change.", ErrorKind.PreconditionFailed);
