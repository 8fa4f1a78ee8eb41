using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace VoiceNote.UnitTests.Exports.Formats;

/// <summary>A subtitle as a player reads it: its number (SubRip) or identifier (WebVTT), when it shows and its text lines.</summary>
internal sealed record ParsedCue(string? Id, TimeSpan Start, TimeSpan End, IReadOnlyList<string> Lines);

/// <summary>
/// Small, strict readers written from the formats' descriptions, not from the writers: SubRip as players read it
/// (a number, a "HH:MM:SS,mmm --> HH:MM:SS,mmm" line, text lines, a blank line), and WebVTT after the W3C
/// specification (the WEBVTT signature, optional cue identifiers, "[HH:]MM:SS.mmm" timestamps with optional settings,
/// NOTE/STYLE/REGION blocks skipped, cue text with tags removed and character references decoded).
/// Anything malformed throws <see cref="FormatException"/>.
/// </summary>
internal static partial class SubtitleParsers
{
    public static IReadOnlyList<ParsedCue> SubRip(string text)
    {
        var cues = new List<ParsedCue>();
        foreach (var block in Blocks(text))
        {
            if (block.Count < 2)
            {
                throw new FormatException($"a SubRip cue needs a number and a timing line: '{string.Join('|', block)}'");
            }

            if (!int.TryParse(block[0].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                throw new FormatException($"not a cue number: '{block[0]}'");
            }

            var timing = SubRipTiming().Match(block[1]);
            if (!timing.Success)
            {
                throw new FormatException($"not a SubRip timing line: '{block[1]}'");
            }

            cues.Add(new ParsedCue(block[0].Trim(), SubRipTime(timing.Groups["start"]), SubRipTime(timing.Groups["end"]), [.. block.Skip(2)]));
        }

        return cues;
    }

    public static IReadOnlyList<ParsedCue> WebVtt(string text)
    {
        var blocks = Blocks(text);
        if (blocks.Count == 0 || !WebVttSignature().IsMatch(blocks[0][0]))
        {
            throw new FormatException("a WebVTT file starts with WEBVTT");
        }

        if (blocks[0].Skip(1).Any(line => line.Contains("-->", StringComparison.Ordinal)))
        {
            throw new FormatException("the header block holds no cue");
        }

        var cues = new List<ParsedCue>();
        foreach (var block in blocks.Skip(1))
        {
            if (block[0].StartsWith("NOTE", StringComparison.Ordinal) || block[0] is "STYLE" or "REGION")
            {
                continue;
            }

            var timingAt = block[0].Contains("-->", StringComparison.Ordinal) ? 0 : 1;
            if (timingAt >= block.Count)
            {
                throw new FormatException($"a WebVTT cue without timings: '{string.Join('|', block)}'");
            }

            var timing = WebVttTiming().Match(block[timingAt]);
            if (!timing.Success)
            {
                throw new FormatException($"not a WebVTT timing line: '{block[timingAt]}'");
            }

            var lines = block.Skip(timingAt + 1).Select(CueText).ToList();
            cues.Add(new ParsedCue(timingAt == 1 ? block[0] : null, WebVttTime(timing.Groups["start"]), WebVttTime(timing.Groups["end"]), lines));
        }

        return cues;
    }

    /// <summary>Blocks of lines between blank lines; CRLF, CR and LF all end a line, as both formats allow.</summary>
    private static List<List<string>> Blocks(string text)
    {
        var blocks = new List<List<string>>();
        List<string>? current = null;
        foreach (var line in text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n'))
        {
            if (line.Length == 0)
            {
                current = null;
                continue;
            }

            if (current is null)
            {
                current = [];
                blocks.Add(current);
            }

            current.Add(line);
        }

        return blocks;
    }

    /// <summary>Cue text as shown: tags (&lt;b&gt;, &lt;v Name&gt;, timestamps) removed, character references decoded.</summary>
    private static string CueText(string line)
    {
        if (line.Contains("-->", StringComparison.Ordinal))
        {
            throw new FormatException($"cue text may not contain '-->': '{line}'");
        }

        return WebUtility.HtmlDecode(Tag().Replace(line, string.Empty));
    }

    private static TimeSpan SubRipTime(Group time) => TimeSpan.ParseExact(time.Value, @"hh\:mm\:ss\,fff", CultureInfo.InvariantCulture);

    private static TimeSpan WebVttTime(Group time)
    {
        var match = WebVttTimestamp().Match(time.Value);
        var hours = match.Groups["h"].Success ? int.Parse(match.Groups["h"].Value, CultureInfo.InvariantCulture) : 0;
        return new TimeSpan(0, hours, int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups["s"].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups["ms"].Value, CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"^(?<start>\d{2}:[0-5]\d:[0-5]\d,\d{3}) --> (?<end>\d{2}:[0-5]\d:[0-5]\d,\d{3})( +X1:\d+ +X2:\d+ +Y1:\d+ +Y2:\d+)?\s*$")]
    private static partial Regex SubRipTiming();

    [GeneratedRegex(@"^WEBVTT([ \t].*)?$")]
    private static partial Regex WebVttSignature();

    [GeneratedRegex(@"^(?<start>(\d{2,}:)?[0-5]\d:[0-5]\d\.\d{3})[ \t]+-->[ \t]+(?<end>(\d{2,}:)?[0-5]\d:[0-5]\d\.\d{3})([ \t]+.*)?$")]
    private static partial Regex WebVttTiming();

    [GeneratedRegex(@"^((?<h>\d{2,}):)?(?<m>[0-5]\d):(?<s>[0-5]\d)\.(?<ms>\d{3})$")]
    private static partial Regex WebVttTimestamp();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();
}
