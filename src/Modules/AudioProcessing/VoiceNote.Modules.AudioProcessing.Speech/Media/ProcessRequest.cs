namespace VoiceNote.Modules.AudioProcessing.Speech.Media;

/// <summary>
/// One run of an external tool. Arguments are a list, never a command line: each is passed to the
/// process as-is, so a file name can never be read as an option or split by a shell.
/// </summary>
internal sealed record ProcessRequest(string FileName, IReadOnlyList<string> Arguments)
{
    /// <summary>Wall-clock limit; on expiry the whole process tree is killed.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>How much of standard error is kept (the end: that is where tools say what went wrong).</summary>
    public int MaxStandardErrorChars { get; init; } = 8 * 1024;

    /// <summary>Standard output beyond this fails the run: it is read into memory.</summary>
    public int MaxStandardOutputChars { get; init; } = 1024 * 1024;

    /// <summary>The tool's name for messages (the file name without its folder).</summary>
    public string Tool => Path.GetFileName(FileName);
}

/// <summary>A finished run that exited with 0.</summary>
internal sealed record ProcessOutcome(string StandardOutput, string StandardError, TimeSpan Elapsed);
