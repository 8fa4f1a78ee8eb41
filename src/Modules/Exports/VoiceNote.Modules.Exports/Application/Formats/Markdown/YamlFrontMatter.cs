using System.Globalization;
using System.Text;

namespace VoiceNote.Modules.Exports.Application.Formats.Markdown;

/// <summary>
/// The metadata block between <c>---</c> lines that static-site generators and note apps read. Every free value is a
/// YAML double-quoted scalar with its quotes, backslashes and line breaks escaped, so a title with colons, <c>#</c>,
/// quotes, emoji or newlines stays one valid value (and "no" stays a language, not YAML 1.1's false).
/// </summary>
internal static class YamlFrontMatter
{
    public static StringBuilder AppendText(this StringBuilder yaml, string key, string? value) =>
        value is null ? yaml : yaml.Append(key).Append(": ").Append(Quoted(value)).Append('\n');

    /// <summary>A value YAML reads as written (a timestamp, an id): nothing in it needs quoting.</summary>
    public static StringBuilder AppendPlain(this StringBuilder yaml, string key, string value) =>
        yaml.Append(key).Append(": ").Append(value).Append('\n');

    public static string Quoted(string value)
    {
        var quoted = new StringBuilder(value.Length + 2).Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '"': quoted.Append("\\\""); break;
                case '\\': quoted.Append("\\\\"); break;
                case '\n': quoted.Append("\\n"); break;
                case '\r': quoted.Append("\\r"); break;
                case '\t': quoted.Append("\\t"); break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                    {
                        quoted.Append(c).Append(value[++i]);
                    }
                    else if (char.IsSurrogate(c))
                    {
                        quoted.Append("\\uFFFD"); // half of a pair is no character: YAML must not carry it
                    }
                    else if (!Printable(c))
                    {
                        quoted.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        quoted.Append(c);
                    }

                    break;
            }
        }

        return quoted.Append('"').ToString();
    }

    /// <summary>YAML's printable set, less the characters YAML 1.1 reads as line breaks and the byte order mark.</summary>
    private static bool Printable(char c) =>
        c is (>= ' ' and <= '~') or (>= '\u00A0' and < '\u2028') or (> '\u2029' and < '\uFEFF') or (> '\uFEFF' and < '\uFFFE');
}
