using System.Globalization;
using System.Text.RegularExpressions;

namespace VoiceNote.Modules.AudioProcessing.Analysis.Text;

/// <summary>
/// Splits text into words, numbers, ordinals ("3rd"), clock times ("5:30", "5.30"), ISO dates and
/// punctuation. Recognisers write "five p m" or "5pm" and people type "5 p.m."; all become "pm".
/// </summary>
internal static partial class Tokenizer
{
    public static TokenizedText Tokenize(string source)
    {
        var tokens = new List<Token>();
        foreach (Match match in Pattern().Matches(source))
        {
            var kind = KindOf(match);
            var text = match.Groups["ampm"].Success
                ? char.ToLowerInvariant(match.Value[0]) + "m"
                : Normalise(match.Value, kind);
            tokens.Add(new Token(text, match.Index, match.Index + match.Length, kind));
        }

        return new TokenizedText(source, tokens);
    }

    private static TokenKind KindOf(Match match)
    {
        if (match.Groups["iso"].Success)
        {
            return TokenKind.IsoDate;
        }

        if (match.Groups["clock"].Success)
        {
            return TokenKind.Clock;
        }

        if (match.Groups["ord"].Success)
        {
            return TokenKind.Ordinal;
        }

        if (match.Groups["num"].Success)
        {
            return TokenKind.Number;
        }

        return match.Groups["punct"].Success ? TokenKind.Punctuation : TokenKind.Word;
    }

    private static string Normalise(string value, TokenKind kind)
    {
        var text = value.ToLower(CultureInfo.InvariantCulture).Replace('\u2019', '\'');
        return kind switch
        {
            TokenKind.IsoDate => text.Replace('t', ' '),
            TokenKind.Word when text is "e-mail" or "e-mails" => text.Replace("-", string.Empty, StringComparison.Ordinal),
            TokenKind.Word when text is "oclock" => "o'clock",
            _ => text,
        };
    }

    // Order matters: ISO dates before numbers, "a.m." before words, clocks before numbers.
    [GeneratedRegex(
        """
        (?<iso>\b\d{4}-\d{1,2}-\d{1,2}(?:[Tt]\d{1,2}:\d{2})?)(?![\d-])
        |(?<ampm>(?:(?<=\d)|\b)[AaPp](?:\.\s?|\s)[Mm]\b\.?)
        |(?<clock>\b\d{1,2}[:.]\d{2})(?![\d.:]\d)
        |(?<ord>\b\d{1,2}(?:st|nd|rd|th|ST|ND|RD|TH))\b
        |(?<num>\d+)
        |(?<word>\p{L}+(?:['’]\p{L}+)*(?:-\p{L}+)*)
        |(?<punct>\.{3}|[.,!?;:…—–]|(?<=\s)-(?=\s))
        """,
        RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex Pattern();
}
