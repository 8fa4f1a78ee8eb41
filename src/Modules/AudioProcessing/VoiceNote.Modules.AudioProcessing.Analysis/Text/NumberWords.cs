using System.Collections.Frozen;
using System.Globalization;

namespace VoiceNote.Modules.AudioProcessing.Analysis.Text;

/// <summary>
/// Reads numbers the way recognisers write them: digits ("30"), words ("thirty", "twenty five",
/// "twenty-five") and ordinals ("3rd", "third", "twenty first"). Values up to 99 in words are enough
/// for clock times, days of the month and durations.
/// </summary>
internal static class NumberWords
{
    private static readonly FrozenDictionary<string, int> Units = new Dictionary<string, int>
    {
        ["zero"] = 0, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6,
        ["seven"] = 7, ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12,
        ["thirteen"] = 13, ["fourteen"] = 14, ["fifteen"] = 15, ["sixteen"] = 16, ["seventeen"] = 17,
        ["eighteen"] = 18, ["nineteen"] = 19,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, int> Tens = new Dictionary<string, int>
    {
        ["twenty"] = 20, ["thirty"] = 30, ["forty"] = 40, ["fourty"] = 40, ["fifty"] = 50,
        ["sixty"] = 60, ["seventy"] = 70, ["eighty"] = 80, ["ninety"] = 90,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, int> OrdinalUnits = new Dictionary<string, int>
    {
        ["first"] = 1, ["second"] = 2, ["third"] = 3, ["fourth"] = 4, ["fifth"] = 5, ["sixth"] = 6,
        ["seventh"] = 7, ["eighth"] = 8, ["ninth"] = 9, ["tenth"] = 10, ["eleventh"] = 11, ["twelfth"] = 12,
        ["thirteenth"] = 13, ["fourteenth"] = 14, ["fifteenth"] = 15, ["sixteenth"] = 16,
        ["seventeenth"] = 17, ["eighteenth"] = 18, ["nineteenth"] = 19,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, int> OrdinalTens = new Dictionary<string, int>
    {
        ["twentieth"] = 20, ["thirtieth"] = 30,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>True when the token could start a number ("five", "30", "twenty-five").</summary>
    public static bool IsNumberWord(string word) =>
        Units.ContainsKey(word) || Tens.ContainsKey(word) || word.Split('-') is [var tens, var unit] && Tens.ContainsKey(tens) && Units.ContainsKey(unit);

    /// <summary>Reads a cardinal at <paramref name="index"/>; <paramref name="next"/> is the index after it.</summary>
    public static bool TryCardinal(IReadOnlyList<Token> tokens, int index, int end, out int value, out int next)
    {
        value = 0;
        next = index;
        if (index >= end)
        {
            return false;
        }

        var token = tokens[index];
        if (token.Kind == TokenKind.Number)
        {
            if (token.Text.Length > 6)
            {
                return false;
            }

            value = int.Parse(token.Text, NumberStyles.None, CultureInfo.InvariantCulture);
            next = index + 1;
            return true;
        }

        if (!token.IsWord)
        {
            return false;
        }

        if (token.Text.Split('-') is [var hyphenTens, var hyphenUnit] && Tens.TryGetValue(hyphenTens, out var t) && Units.TryGetValue(hyphenUnit, out var u) && u is > 0 and < 10)
        {
            value = t + u;
            next = index + 1;
            return true;
        }

        if (Units.TryGetValue(token.Text, out var unit))
        {
            value = unit;
            next = index + 1;
            return true;
        }

        if (Tens.TryGetValue(token.Text, out var tens))
        {
            value = tens;
            next = index + 1;
            if (index + 1 < end && tokens[index + 1].IsWord && Units.TryGetValue(tokens[index + 1].Text, out var tail) && tail is > 0 and < 10)
            {
                value += tail;
                next = index + 2;
            }

            return true;
        }

        return false;
    }

    /// <summary>Reads an ordinal ("3rd", "third", "twenty third", "twenty-third") at <paramref name="index"/>.</summary>
    public static bool TryOrdinal(IReadOnlyList<Token> tokens, int index, int end, out int value, out int next)
    {
        value = 0;
        next = index;
        if (index >= end)
        {
            return false;
        }

        var token = tokens[index];
        if (token.Kind == TokenKind.Ordinal)
        {
            value = int.Parse(token.Text[..^2], NumberStyles.None, CultureInfo.InvariantCulture);
            next = index + 1;
            return true;
        }

        if (!token.IsWord)
        {
            return false;
        }

        if (token.Text.Split('-') is [var hyphenTens, var hyphenUnit] && Tens.TryGetValue(hyphenTens, out var t) && OrdinalUnits.TryGetValue(hyphenUnit, out var u) && u < 10)
        {
            value = t + u;
            next = index + 1;
            return true;
        }

        if (OrdinalUnits.TryGetValue(token.Text, out var unit) || OrdinalTens.TryGetValue(token.Text, out unit))
        {
            value = unit;
            next = index + 1;
            return true;
        }

        if (Tens.TryGetValue(token.Text, out var tens) && index + 1 < end && tokens[index + 1].IsWord
            && OrdinalUnits.TryGetValue(tokens[index + 1].Text, out var tail) && tail < 10)
        {
            value = tens + tail;
            next = index + 2;
            return true;
        }

        return false;
    }
}
