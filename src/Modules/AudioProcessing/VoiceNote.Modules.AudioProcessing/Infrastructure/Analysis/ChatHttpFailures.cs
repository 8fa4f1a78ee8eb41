using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using VoiceNote.Domain.Results;
using VoiceNote.Modules.AudioProcessing.Application.Analysis.Chat;
using VoiceNote.Modules.AudioProcessing.Application.Engines;

namespace VoiceNote.Modules.AudioProcessing.Infrastructure.Analysis;

/// <summary>
/// Maps a non-2xx chat answer to the engine failure classes the pipeline understands: busy and down
/// are transient (the job is retried), a rejected key or refused input are not.
/// </summary>
internal static partial class ChatHttpFailures
{
    public static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(30);

    public static Error From(string engine, int status, RetryConditionHeaderValue? retryAfter, string body, string apiKey, DateTimeOffset now) => status switch
    {
        429 => EngineFailures.RateLimited(engine, RetryDelay(retryAfter, now)),
        401 or 403 => EngineFailures.KeyRejected(engine),
        >= 500 => EngineFailures.Unavailable(engine, $"it answered {status}."),
        _ => EngineFailures.Refused(engine, status, Excerpt(body, apiKey)),
    };

    /// <summary>Retry-After in seconds or as an HTTP date; without one (or with a date already past) a fixed wait.</summary>
    public static TimeSpan RetryDelay(RetryConditionHeaderValue? retryAfter, DateTimeOffset now)
    {
        var delay = retryAfter?.Delta ?? (retryAfter?.Date is { } date ? date - now : null);
        if (delay is not { } wait)
        {
            return DefaultRetryAfter;
        }

        // Whole seconds, at least one: a zero or past wait would have the job hammer a server that asked for a pause.
        return TimeSpan.FromSeconds(Math.Max(1, Math.Ceiling(wait.TotalSeconds)));
    }

    /// <summary>
    /// The server's own message (OpenAI's <c>error.message</c>) or the start of the body, one line, bounded,
    /// with the key and anything that looks like a key removed: some servers echo part of a bad key.
    /// </summary>
    public static string Excerpt(string body, string apiKey)
    {
        var text = body;
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("error", out var error)
                && (error.ValueKind == JsonValueKind.String ? error : error.ValueKind == JsonValueKind.Object && error.TryGetProperty("message", out var m) ? m : default) is { ValueKind: JsonValueKind.String } message)
            {
                text = message.GetString()!;
            }
        }
        catch (JsonException)
        {
            // Not JSON (an HTML error page from a proxy): the raw start will do.
        }

        if (!string.IsNullOrEmpty(apiKey))
        {
            text = text.Replace(apiKey, "(hidden)", StringComparison.Ordinal);
        }

        text = KeyLike().Replace(text, "(hidden)");
        var excerpt = ChatCompletionReader.Bounded(text);
        return excerpt.Length == 0 ? "no details given" : excerpt;
    }

    /// <summary>OpenAI (sk-…), Groq (gsk_…) and bearer tokens as servers echo them, masked ones (sk-ab***yz) included.</summary>
    [GeneratedRegex(@"\b(?:sk|gsk|pk|key)[-_][A-Za-z0-9_\-\*\.]{3,}|Bearer\s+\S+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex KeyLike();
}
