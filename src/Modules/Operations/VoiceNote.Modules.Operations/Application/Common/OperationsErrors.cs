using VoiceNote.Domain.Results;

namespace VoiceNote.Modules.Operations.Application.Common;

/// <summary>The stable problem codes of the Operations module.</summary>
internal static class OperationsErrors
{
    public static readonly Error RetentionRuleNotFound = Error.NotFound("operations.retention_rule_not_found", "There is no retention rule of that name.");
}
