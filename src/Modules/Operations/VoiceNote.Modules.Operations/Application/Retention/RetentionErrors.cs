using VoiceNote.Domain.Results;

namespace VoiceNote.Modules.Operations.Application.Retention;

/// <summary>The stable problem codes of the operator's retention routes.</summary>
internal static class RetentionErrors
{
    public static readonly Error RuleNotFound = Error.NotFound("retention.rule_not_found", "No such retention rule. GET /api/v1/admin/retention lists them.");
}
