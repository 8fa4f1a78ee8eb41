namespace VoiceNote.Application.Security;

/// <summary>
/// A request member the admin audit trail (ADR 0090) must not record: the purge of an account names the id it is
/// about to erase everywhere, and its own record would be written after the erasure had begun (ADR 0085).
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class NotInAuditTrailAttribute : Attribute;
