namespace VoiceNote.Domain.Results;

/// <summary>
/// One or more invalid fields; rendered as a 400 problem listing every field's messages. The code is
/// <see cref="ErrorCode"/> unless the rule that failed names a more precise one (e.g. <c>audio.invalid_engine</c>).
/// </summary>
public sealed record ValidationError : Error
{
    public const string ErrorCode = "validation_failed";

    public ValidationError(IReadOnlyDictionary<string, string[]> fieldErrors, string code = ErrorCode)
        : base(code, "One or more fields are invalid.", ErrorKind.Validation) =>
        FieldErrors = fieldErrors;

    public IReadOnlyDictionary<string, string[]> FieldErrors { get; }

    public static ValidationError For(string field, string message) =>
        new(new Dictionary<string, string[]> { [field] = [message] });
}
