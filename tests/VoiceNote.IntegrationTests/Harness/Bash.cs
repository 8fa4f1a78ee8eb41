using System.Diagnostics;

namespace VoiceNote.IntegrationTests.Harness;

/// <summary>Runs one of the repository's build scripts; its stdout carries the answer, stderr the messages.</summary>
internal static class Bash
{
    /// <summary>Runs to the end, or kills the whole process tree after <paramref name="timeout"/> (exit code -1, said in <see cref="Output.Errors"/>).</summary>
    public static Output Run(IReadOnlyList<string> scriptAndArguments, IReadOnlyDictionary<string, string?>? environment = null, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo("bash", scriptAndArguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryRoot.Path,
        };
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                start.Environment.Remove(key);
            }
            else
            {
                start.Environment[key] = value;
            }
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not run {scriptAndArguments[0]}");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(timeout ?? Timeout.InfiniteTimeSpan))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            return new Output(-1, stdout.Result, $"{stderr.Result}\n(killed: still running after {timeout})");
        }

        process.WaitForExit();
        return new Output(process.ExitCode, stdout.Result, stderr.Result);
    }

    public sealed record Output(int ExitCode, string Text, string Errors)
    {
        public string LastLine => Text.Trim().Split('\n').Last().Trim();
    }
}
