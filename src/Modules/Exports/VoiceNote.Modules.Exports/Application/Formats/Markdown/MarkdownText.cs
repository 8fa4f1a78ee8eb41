using System.Text;

namespace VoiceNote.Modules.Exports.Application.Formats.Markdown;

/// <summary>
/// User text made literal in CommonMark: a title like <c>*not bold*</c> or a summary line starting with <c>#</c>
/// renders as typed. Backslash escapes are valid before any ASCII punctuation, so escaping a little more than needed
/// never changes the text; only the characters that open markup anywhere, and those that do at a line's start, are.
/// </summary>
internal static class MarkdownText
{
    /// <summary>Emphasis, code, links, images, raw HTML, entities, strikethrough, tables and heading closers.</summary>
    private const string AlwaysEscaped = "\\`*_[]<>&~|#";

    /// <summary>One line (a heading, a list item): line breaks become spaces.</summary>
    public static string Inline(string text) => Line(Readable(text));

    /// <summary>Text of several lines and paragraphs (a summary): blank lines still separate paragraphs.</summary>
    public static string Block(string text)
    {
        var result = new StringBuilder();
        var blank = false;
        foreach (var raw in text.ReplaceLineEndings("\n").Split('\n'))
        {
            var line = Readable(raw);
            if (line.Length == 0)
            {
                blank = result.Length > 0;
                continue;
            }

            if (result.Length > 0)
            {
                result.Append(blank ? "\n\n" : "\n");
            }

            result.Append(Line(line));
            blank = false;
        }

        return result.ToString();
    }

    /// <summary>Whitespace runs (tabs and indentation would make code blocks, two trailing spaces a hard break) become one space.</summary>
    private static string Readable(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string Line(string line)
    {
        var escaped = new StringBuilder(line.Length + 8);
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (AlwaysEscaped.Contains(c, StringComparison.Ordinal) || (i == 0 && c is '-' or '+' or '=') || EndsListNumber(line, i))
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }

    /// <summary>"1." or "12)" at a line's start opens an ordered list.</summary>
    private static bool EndsListNumber(string line, int i)
    {
        if (line[i] is not ('.' or ')') || i == 0 || i > 9)
        {
            return false;
        }

        for (var j = 0; j < i; j++)
        {
            if (!char.IsAsciiDigit(line[j]))
            {
                return false;
            }
        }

        return true;
    }
}
