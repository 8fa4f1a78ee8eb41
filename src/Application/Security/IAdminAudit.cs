using VoiceNote.Contracts;

namespace VoiceNote.Application.Security;

/// <summary>
/// One use of an admin permission: who, which use case, on what (the request's ids and search text, never a
/// secret), with what outcome, from where (ADR 0090). Reads are audited as much as writes.
/// </summary>
public sealed record AdminAccess(
    Guid AdminId, string UseCase, string Permission, IReadOnlyDictionary<string, string?> Request, string Outcome, EventOrigin? Origin, DateTimeOffset At);

/// <summary>The audit trail admin use cases are written to (the activity log implements it).</summary>
public interface IAdminAudit
{
    Task RecordAsync(AdminAccess access, CancellationToken cancellationToken);
}
