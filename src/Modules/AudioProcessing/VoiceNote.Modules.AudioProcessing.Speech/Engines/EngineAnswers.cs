using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using VoiceNote.Domain.Results;

namespace VoiceNote.Modules.AudioProcessing.Speech.Engines;

/// <summary>
/// How every remote engine's refusals read to the pipeline (ADRs 0041, 0043): the same status means the
/// same <see cref="EngineFailures"/> class whichever engine sent it (speech or chat), so retrying is
/// decided in one place.
/// </summary>
internal static partial class EngineAnswers
{
    /// <summary>Waited after a 429 that says nothing about when to come back.</summary>
    public static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(30);

    /// <summary>The longest error detail kept for the logs: enough to tell "file too short" from "unsupported model", not a page of HTML.</summary>
    public const int MaxExcerptChars = 200;

    /// <summary>Error bodies are read this far and no further.</summary>
    public const int MaxErrorBodyBytes = 4096;

    /// <summary>A non-2xx answer as an error the owner may read: the status, never the body (that goes to the logs).</summary>
    public static Error Failure(string engine, string host, int status, TimeSpan? retryAfter) => status switch
    {
        429 => EngineFailures.RateLimited(engine, host, retryAfter ?? DefaultRetryAfter),
        401 or 403 => EngineFailures.KeyRejected(engine, host, status),
        >= 500 => EngineFailures.Unavailable(engine, host, $"answered {status}"),
        >= 300 and < 400 => EngineFailures.Redirected(engine, host, status),
        _ => EngineFailures.Refused(engine, host, status),
    };

    /// <summary>
    /// Retry-After as seconds or an HTTP date (RFC 9110 §10.2.3), in whole seconds and at least one: a
    /// server that asked for a pause gets one even when its date has already passed.
    /// </summary>
    public static TimeSpan? RetryAfter(RetryConditionHeaderValue? header, DateTimeOffset now)
    {
        var wait = header switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - now,
            _ => (TimeSpan?)null,
        };
        return wait is { } w ? TimeSpan.FromSeconds(Math.Max(1, Math.Ceiling(w.TotalSeconds))) : null;
    }

    /// <summary>
    /// A short, single-line detail from an error body for the logs (never for the owner): the message field
    /// engines put in their JSON errors when there is one, else the text. The key is blanked out first: some
    /// servers quote it back.
    /// </summary>
    public static string Excerpt(ReadOnlySpan<byte> body, string apiKey) => Excerpt(Encoding.UTF8.GetString(body), apiKey);

    /// <inheritdoc cref="Excerpt(ReadOnlySpan{byte}, string)"/>
    public static string Excerpt(string body, string apiKey)
    {
        var text = MessageOf(body) ?? body;
        if (apiKey.Length > 0)
        {
            text = text.Replace(apiKey, "(hidden)", StringComparison.Ordinal);
        }

        // Servers also echo keys in part (sk-ab***yz), which the exact replacement above cannot catch.
        text = KeyLike().Replace(text, "(hidden)");

        text = Whitespace().Replace(text, " ").Trim();
        if (text.Length == 0)
        {
            return "no details.";
        }

        return text.Length <= MaxExcerptChars ? text : string.Concat(text.AsSpan(0, MaxExcerptChars - 1), "…");
    }

    public static async Task<string> ReadExcerptAsync(HttpContent content, string apiKey, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var buffer = new byte[MaxErrorBodyBytes];
        var filled = 0;
        int read;
        while (filled < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(filled), cancellationToken).ConfigureAwait(false)) > 0)
        {
            filled += read;
        }

        return Excerpt(buffer.AsSpan(0, filled), apiKey);
    }

    /// <summary>OpenAI: <c>{"error":{"message":…}}</c>; Deepgram: <c>{"err_msg":…}</c>; others: <c>message</c>, <c>detail</c> or <c>error</c> as text.</summary>
    private static string? MessageOf(string text)
    {
        try
        {
            using var json = JsonDocument.Parse(text);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            if (root.TryGetProperty("error", out var error))
            {
                if (error.ValueKind == JsonValueKind.String)
                {
                    return error.GetString();
                }

                if (error.ValueKind == JsonValueKind.Object && error.TryGetProperty("message", out var nested) && nested.ValueKind == JsonValueKind.String)
                {
                    return nested.GetString();
                }
            }

            foreach (var name in (string[])["err_msg", "message", "detail"])
            {
                if (root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String)
                {
                    return value.GetString();
                }
            }

            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    /// <summary>OpenAI (sk-…), Groq (gsk_…) and bearer tokens as servers echo them, masked ones (sk-ab***yz) included.</summary>
    [GeneratedRegex(@"\b(?:sk|gsk|pk|key)[-_][A-Za-z0-9_\-\*\.]{3,}|Bearer\s+\S+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex KeyLike();
}
