using System.Text;
using System.Text.RegularExpressions;

namespace VoiceNote.IntegrationTests.Harness.Conformance;

/// <summary>
/// No answer may show the server's insides (issue 12): a path of the machine (the checkout, the temp
/// folder, the host's storage root) or a stack trace, in any text or JSON body the suite's traffic
/// produced — problem details, processing errors, anything. Audio and other binary bodies are skipped.
/// </summary>
internal static partial class ServerInternals
{
    private static readonly string[] MachinePaths =
        [RepositoryRoot.Path, Path.TrimEndingDirectorySeparator(Path.GetTempPath())];

    public static IEnumerable<string> Violations(RecordedExchange exchange, string storageRoot)
    {
        if (exchange.Body is not { Length: > 0 } body || exchange.ContentEncoding is not null || !IsText(exchange.ContentType))
        {
            yield break;
        }

        var text = Encoding.UTF8.GetString(body);
        var leaked = MachinePaths.Append(storageRoot).FirstOrDefault(path => text.Contains(path, StringComparison.Ordinal))
            ?? (StackFrame().Match(text) is { Success: true } frame ? frame.Value : null);
        if (leaked is not null)
        {
            yield return $"{exchange.Operation}: status {exchange.Status} shows the server's insides ({leaked})";
        }
    }

    private static bool IsText(string? contentType) =>
        contentType is not null
        && (contentType.Contains("json", StringComparison.OrdinalIgnoreCase) || contentType.StartsWith("text/", StringComparison.OrdinalIgnoreCase));

    [GeneratedRegex(@"\bat [\w.`<>]+\(.*\) in .+:line \d+|\.cs:line \d+|Npgsql\.\w+Exception|System\.\w+Exception")]
    private static partial Regex StackFrame();
}
