using System.Text;
using SkiaSharp;
using SkiaSharp.HarfBuzz;

namespace VoiceNote.Modules.Exports.Application.Formats.Pdf;

/// <summary>How a piece of text is set: bold or not, its size, colour and the distance between its lines (points).</summary>
internal sealed record PdfStyle(bool Bold, float Size, SKColor Color, float Leading);

/// <summary>
/// One glyph run of a word in one font: the glyphs HarfBuzz chose, where they go (from the run's start) and the UTF-8
/// text with the byte each glyph came from, so the PDF's text layer says exactly what was written (docs/decisions/0082).
/// </summary>
internal sealed record GlyphRun(SKFont Font, ushort[] Glyphs, SKPoint[] Positions, uint[] Clusters, byte[] Utf8, float Offset);

/// <summary>A word shaped and measured; right-to-left words are placed in reverse order on their line.</summary>
internal sealed record ShapedWord(IReadOnlyList<GlyphRun> Runs, float Width, bool RightToLeft);

/// <summary>
/// The fonts of one PDF: DejaVu Sans for the text, and for every character it lacks the font fontconfig names for it
/// (Noto CJK, Noto Color Emoji, Noto for other scripts). Each run is shaped by HarfBuzz, so Arabic joins and
/// Devanagari combines. Caches grow with the distinct characters of the document, not with its length.
/// </summary>
internal sealed class PdfFonts : IDisposable
{
    public const string Family = "DejaVu Sans";
    private const string EmojiFamily = "Noto Color Emoji";

    private readonly SKTypeface _regular = SKTypeface.FromFamilyName(Family, SKFontStyle.Normal);
    private readonly SKTypeface _bold = SKTypeface.FromFamilyName(Family, SKFontStyle.Bold);
    private readonly Dictionary<(SKTypeface Primary, int CodePoint), SKTypeface> _fallbacks = [];
    private readonly Dictionary<string, SKTypeface> _byFace = [];
    private readonly Dictionary<SKTypeface, SKShaper> _shapers = [];
    private readonly Dictionary<(SKTypeface Typeface, float Size), SKFont> _fonts = [];
    private SKTypeface? _emoji;
    private bool _emojiLooked;

    public ShapedWord Shape(string word, PdfStyle style)
    {
        var runs = new List<GlyphRun>();
        var width = 0f;
        foreach (var (typeface, text) in Runs(style.Bold ? _bold : _regular, word))
        {
            var font = Font(typeface, style.Size);
            var shaped = Shaper(typeface).Shape(text, font);
            runs.Add(new GlyphRun(
                font,
                [.. shaped.Codepoints.Select(g => (ushort)g)],
                shaped.Points,
                shaped.Clusters,
                Encoding.UTF8.GetBytes(text),
                width));
            width += shaped.Width;
        }

        return new ShapedWord(runs, width, IsRightToLeft(word));
    }

    public float Measure(string text, PdfStyle style) => Shape(text, style).Width;

    /// <summary>Cuts a word into stretches that one font can draw; joiners and variation selectors stay with their character.</summary>
    private IEnumerable<(SKTypeface Typeface, string Text)> Runs(SKTypeface primary, string word)
    {
        var start = 0;
        SKTypeface? current = null;
        for (var i = 0; i < word.Length; i += char.IsSurrogatePair(word, i) ? 2 : 1)
        {
            var codePoint = char.IsSurrogatePair(word, i) ? char.ConvertToUtf32(word, i) : word[i];
            var typeface = current is not null && codePoint is 0x200D or (>= 0xFE00 and <= 0xFE0F) or (>= 0x1F3FB and <= 0x1F3FF)
                ? current
                : For(primary, codePoint, emojiPresentation: i + 1 < word.Length && word[i + 1] == '\uFE0F');
            if (current is not null && typeface != current)
            {
                yield return (current, word[start..i]);
                start = i;
            }

            current = typeface;
        }

        if (current is not null)
        {
            yield return (current, word[start..]);
        }
    }

    private SKTypeface For(SKTypeface primary, int codePoint, bool emojiPresentation)
    {
        // DejaVu has a small black coffee cup; a character that is an emoji by default (or asks to be one) takes the
        // colour glyph of the emoji font when there is one.
        if ((emojiPresentation || IsEmojiByDefault(codePoint)) && Emoji is { } emoji && Font(emoji, 10f).ContainsGlyph(codePoint))
        {
            return emoji;
        }

        if (Font(primary, 10f).ContainsGlyph(codePoint))
        {
            return primary;
        }

        if (!_fallbacks.TryGetValue((primary, codePoint), out var typeface))
        {
            // No font has it: the primary draws its "missing" box rather than the text silently vanishing.
            var match = SKFontManager.Default.MatchCharacter(primary.FamilyName, primary.FontStyle, null, codePoint);
            typeface = match is null ? primary : Dedupe(match);
            _fallbacks[(primary, codePoint)] = typeface;
        }

        return typeface;
    }

    /// <summary>fontconfig hands out a new typeface object per question; one per face keeps one shaper and one PDF font each.</summary>
    private SKTypeface Dedupe(SKTypeface typeface)
    {
        var face = $"{typeface.FamilyName}|{typeface.FontWeight}|{typeface.FontSlant}";
        if (_byFace.TryGetValue(face, out var known))
        {
            typeface.Dispose();
            return known;
        }

        _byFace[face] = typeface;
        return typeface;
    }

    private SKTypeface? Emoji
    {
        get
        {
            if (!_emojiLooked)
            {
                _emojiLooked = true;
                var match = SKFontManager.Default.MatchFamily(EmojiFamily);
                _emoji = match is not null && match.FamilyName == EmojiFamily ? Dedupe(match) : null;
            }

            return _emoji;
        }
    }

    /// <summary>Emoji_Presentation=Yes (Unicode 15): the pictographs from U+1F000 and the few older symbols listed.</summary>
    private static bool IsEmojiByDefault(int codePoint) =>
        codePoint is (>= 0x1F000 and <= 0x1FAFF and not (>= 0x1F100 and <= 0x1F1E5))
            or 0x231A or 0x231B or (>= 0x23E9 and <= 0x23EC) or 0x23F0 or 0x23F3 or 0x25FD or 0x25FE or 0x2614 or 0x2615
            or (>= 0x2648 and <= 0x2653) or 0x267F or 0x2693 or 0x26A1 or 0x26AA or 0x26AB or 0x26BD or 0x26BE or 0x26C4
            or 0x26C5 or 0x26CE or 0x26D4 or 0x26EA or 0x26F2 or 0x26F3 or 0x26F5 or 0x26FA or 0x26FD or 0x2705 or 0x270A
            or 0x270B or 0x2728 or 0x274C or 0x274E or (>= 0x2753 and <= 0x2755) or 0x2757 or (>= 0x2795 and <= 0x2797)
            or 0x27B0 or 0x27BF or 0x2B1B or 0x2B1C or 0x2B50 or 0x2B55;

    private SKShaper Shaper(SKTypeface typeface)
    {
        if (!_shapers.TryGetValue(typeface, out var shaper))
        {
            _shapers[typeface] = shaper = new SKShaper(typeface);
        }

        return shaper;
    }

    private SKFont Font(SKTypeface typeface, float size)
    {
        if (!_fonts.TryGetValue((typeface, size), out var font))
        {
            _fonts[(typeface, size)] = font = new SKFont(typeface, size) { Subpixel = true };
        }

        return font;
    }

    /// <summary>A word whose first letter is Hebrew or Arabic reads right to left.</summary>
    private static bool IsRightToLeft(string word)
    {
        foreach (var c in word)
        {
            if (char.IsLetter(c))
            {
                return c is (>= '\u0590' and <= '\u08FF') or (>= '\uFB1D' and <= '\uFDFF') or (>= '\uFE70' and <= '\uFEFF');
            }
        }

        return false;
    }

    public void Dispose()
    {
        foreach (var font in _fonts.Values)
        {
            font.Dispose();
        }

        foreach (var shaper in _shapers.Values)
        {
            shaper.Dispose();
        }

        foreach (var typeface in _byFace.Values)
        {
            typeface.Dispose();
        }

        _regular.Dispose();
        _bold.Dispose();
    }
}
