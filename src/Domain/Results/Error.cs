namespace VoiceNote.Domain.Results;

/// <summary>
/// A failure with a stable, machine-readable code (e.g. "notes.not_found") and a human message.
/// Codes are part of the public API: clients switch on them, so never rename one.
/// </summary>
public record Error(string Code, string Message, ErrorKind Kind)
{
    public static readonly Error None = new(string.Empty, string.Empty, ErrorKind.Failure);

    public static Error NotFound(string code, string message) => new(code, message, ErrorKind.NotFound);

    public static Error Conflict(string code, string message) => new(code, message, ErrorKind.Conflict);

    public static Error Forbidden(string code, string message) => new(code, message, ErrorKind.Forbidden);

    public static Error Unauthorized(string code, string message) => new(code, message, ErrorKind.Unauthorized);

    public static Error Unprocessable(string code, string message) => new(code, message, ErrorKind.Unprocessable);

    public static Error Failure(string code, string message) => new(code, message, ErrorKind.Failure);
}
