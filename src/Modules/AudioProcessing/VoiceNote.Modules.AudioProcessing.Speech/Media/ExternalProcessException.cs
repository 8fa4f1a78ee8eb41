namespace VoiceNote.Modules.AudioProcessing.Speech.Media;

/// <summary>Why an external tool's run failed.</summary>
internal enum ProcessFailureReason
{
    /// <summary>The executable was not found or could not be started.</summary>
    CouldNotStart,

    /// <summary>It ran and exited with a non-zero code; <see cref="ExternalProcessException.StandardError"/> says why.</summary>
    NonZeroExit,

    /// <summary>It ran past its timeout and was killed with its children.</summary>
    TimedOut,

    /// <summary>It wrote more to standard output than the run allows, and was killed.</summary>
    OutputTooLarge,
}

/// <summary>A typed failure of an external tool (cancellation is an <see cref="OperationCanceledException"/> instead).</summary>
internal sealed partial class ExternalProcessException : Exception
{
    public ExternalProcessException(string tool, ProcessFailureReason reason, int? exitCode, string standardError, Exception? inner = null)
        : base(Describe(tool, reason, exitCode, standardError), inner)
    {
        Tool = tool;
        Reason = reason;
        ExitCode = exitCode;
        StandardError = standardError;
    }

    public string Tool { get; }

    public ProcessFailureReason Reason { get; }

    public int? ExitCode { get; }

    /// <summary>The (bounded) end of what the tool wrote to standard error.</summary>
    public string StandardError { get; }

    /// <summary>The last non-empty line of standard error: usually the tool's own one-line reason.</summary>
    public string LastErrorLine =>
        StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? string.Empty;

    /// <summary>
    /// <see cref="LastErrorLine"/> fit for a client: tools name the file they read, and its path on this
    /// server (a temporary upload, the storage root) is nobody else's business, so every path is "the file".
    /// </summary>
    public string ClientReason => ServerPaths().Replace(LastErrorLine, "the file");

    private static string Describe(string tool, ProcessFailureReason reason, int? exitCode, string standardError)
    {
        var what = reason switch
        {
            ProcessFailureReason.CouldNotStart => "could not be started",
            ProcessFailureReason.NonZeroExit => $"exited with code {exitCode}",
            ProcessFailureReason.TimedOut => "timed out and was killed",
            ProcessFailureReason.OutputTooLarge => "wrote more output than allowed and was killed",
            _ => reason.ToString(),
        };
        var detail = standardError.Trim();
        return detail.Length == 0 ? $"{tool} {what}." : $"{tool} {what}: {detail}";
    }

    // An absolute path (optionally after ffmpeg's "file:" protocol prefix), up to whitespace or a quote.
    [System.Text.RegularExpressions.GeneratedRegex(@"(?:file:)?(?:[A-Za-z]:)?[\\/][^\s'"":]*")]
    private static partial System.Text.RegularExpressions.Regex ServerPaths();
}
