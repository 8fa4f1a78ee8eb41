using System.Diagnostics;

namespace VoiceNote.IntegrationTests.Harness;

/// <summary>Runs one of the repository's build scripts; its stdout carries the answer, stderr the messages.</summary>
internal static class Bash
{
    public static Output Run(IReadOnlyList<string> scriptAndArguments, IReadOnlyDictionary<string, string?>? environment = null)
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
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return new Output(process.ExitCode, stdout, stderr.Result);
    }

    public sealed record Output(int ExitCode, string Text, string Errors)
    {
        public string LastLine => Text.Trim().Split('\n').Last().Trim();
    }
}
