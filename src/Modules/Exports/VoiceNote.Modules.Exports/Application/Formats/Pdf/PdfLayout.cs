using System.Globalization;
using SkiaSharp;

namespace VoiceNote.Modules.Exports.Application.Formats.Pdf;

/// <summary>
/// Lays a document out on A4 pages from top to bottom: headings, paragraphs, paragraphs with a timestamp in the margin,
/// and tables. Without a PDF document it only measures (the first pass counts the pages); with one it draws, ending
/// every page with "n / total". A page goes to the output when it ends, so what is held is one page plus the fonts.
/// </summary>
internal sealed class PdfLayout(PdfFonts fonts, SKDocument? document, int pageCount)
{
    public const float PageWidth = 595.28f;
    public const float PageHeight = 841.89f;
    private const float Margin = 50f;
    private const float FooterSpace = 36f;
    private const float ContentWidth = PageWidth - (2 * Margin);
    private const float Bottom = PageHeight - Margin - FooterSpace;
    private const float StampGutter = 52f;
    private const float CellPadding = 4f;

    public static readonly PdfStyle Title = new(Bold: true, Size: 18f, SKColors.Black, Leading: 24f);
    public static readonly PdfStyle Heading = new(Bold: true, Size: 12.5f, SKColors.Black, Leading: 18f);
    public static readonly PdfStyle Body = new(Bold: false, Size: 10.5f, SKColors.Black, Leading: 14.5f);
    public static readonly PdfStyle Quiet = new(Bold: false, Size: 9.5f, new SKColor(0x55, 0x55, 0x55), Leading: 13f);
    public static readonly PdfStyle Cell = new(Bold: false, Size: 9.5f, SKColors.Black, Leading: 13f);
    public static readonly PdfStyle HeaderCell = Cell with { Bold = true };
    private static readonly PdfStyle Footer = Quiet with { Size = 9f };
    private static readonly SKColor Rule = new(0xAA, 0xAA, 0xAA);
    private static readonly SKColor HeaderFill = new(0xEE, 0xEE, 0xEE);

    private SKCanvas? _canvas;
    private float _y = Bottom; // the first thing laid out opens page 1

    /// <summary>The pages used so far; after <see cref="Finish"/>, the document's page count.</summary>
    public int Pages { get; private set; }

    public void Paragraph(string text, PdfStyle style, float spaceAfter = 6f)
    {
        var lines = Break(text, style, ContentWidth);
        for (var i = 0; i < lines.Count; i++)
        {
            // a paragraph's first two lines stay together
            Room(i == 0 ? style.Leading * Math.Min(2, lines.Count) : style.Leading);
            _y += style.Leading;
            DrawLine(lines[i], Margin, _y, style);
        }

        _y += spaceAfter;
    }

    /// <summary>A heading never ends a page: it keeps room for two lines of what follows it.</summary>
    public void HeadingLine(string text)
    {
        Room(Heading.Leading + 6f + (2 * Body.Leading));
        _y += 6f;
        Paragraph(text, Heading, spaceAfter: 2f);
    }

    /// <summary>A paragraph with its time printed in the left margin, beside its first line.</summary>
    public void Stamped(string stamp, string text, PdfStyle style)
    {
        var lines = Break(text, style, ContentWidth - StampGutter);
        for (var i = 0; i < lines.Count; i++)
        {
            Room(i == 0 ? style.Leading * Math.Min(2, lines.Count) : style.Leading);
            _y += style.Leading;
            if (i == 0)
            {
                DrawLine(Break(stamp, Quiet with { Size = style.Size }, StampGutter)[0], Margin, _y, Quiet with { Size = style.Size });
            }

            DrawLine(lines[i], Margin + StampGutter, _y, style);
        }

        _y += style.Leading * 0.35f;
    }

    /// <summary>A table over the content width; columns take the given shares of it; the header repeats on a new page.</summary>
    public void Table(IReadOnlyList<string> header, IReadOnlyList<float> shares, IEnumerable<IReadOnlyList<string>> rows)
    {
        var widths = shares.Select(s => s * ContentWidth).ToArray();
        _y += 4f;
        Row(header, widths, HeaderCell, isHeader: true);
        foreach (var row in rows)
        {
            if (!Row(row, widths, Cell, isHeader: false))
            {
                Row(header, widths, HeaderCell, isHeader: true);
                Row(row, widths, Cell, isHeader: false);
            }
        }

        _y += 6f;
    }

    /// <summary>Lays a row out; false when it did not fit and a new page was opened instead (the caller repeats the header).</summary>
    private bool Row(IReadOnlyList<string> cells, float[] widths, PdfStyle style, bool isHeader)
    {
        var cellLines = cells.Select((c, i) => Break(c, style, widths[i] - (2 * CellPadding))).ToArray();
        var height = (cellLines.Max(l => l.Count) * style.Leading) + (2 * CellPadding);
        if (_y + height > Bottom)
        {
            NewPage();
            if (!isHeader)
            {
                return false;
            }
        }

        if (_canvas is { } canvas)
        {
            var area = new SKRect(Margin, _y, Margin + ContentWidth, _y + height);
            using var paint = new SKPaint { Color = isHeader ? HeaderFill : Rule, StrokeWidth = 0.6f, IsAntialias = true };
            if (isHeader)
            {
                canvas.DrawRect(area, paint);
                paint.Color = Rule;
            }

            canvas.DrawLine(area.Left, area.Bottom, area.Right, area.Bottom, paint);
        }

        var x = Margin;
        for (var i = 0; i < cellLines.Length; i++)
        {
            var y = _y + CellPadding;
            foreach (var line in cellLines[i])
            {
                y += style.Leading;
                DrawLine(line, x + CellPadding, y - 3f, style);
            }

            x += widths[i];
        }

        _y += height;
        return true;
    }

    /// <summary>Ends the last page; the number of pages is known from here on.</summary>
    public int Finish()
    {
        EndPage();
        return Pages;
    }

    private void Room(float height)
    {
        if (_y + height > Bottom)
        {
            NewPage();
        }
    }

    private void NewPage()
    {
        EndPage();
        Pages++;
        _y = Margin;
        _canvas = document?.BeginPage(PageWidth, PageHeight);
    }

    private void EndPage()
    {
        if (_canvas is null || document is null)
        {
            return;
        }

        var number = string.Create(CultureInfo.InvariantCulture, $"{Pages} / {pageCount}");
        var line = Break(number, Footer, ContentWidth)[0];
        DrawLine(line, (PageWidth - line.Width) / 2, PageHeight - Margin, Footer);
        document.EndPage();
        _canvas = null;
    }

    /// <summary>Greedy line breaking at spaces; a word longer than the line (CJK writes none) is cut between characters.</summary>
    private List<Line> Break(string text, PdfStyle style, float width)
    {
        var lines = new List<Line>();
        var space = fonts.Measure(" ", style);
        foreach (var hardLine in text.Split('\n'))
        {
            var words = new List<Placed>();
            var x = 0f;
            foreach (var token in hardLine.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var gap = words.Count > 0 ? space : 0f;
                foreach (var (piece, joined) in Pieces(fonts.Shape(token, style), token, style, width))
                {
                    var before = joined ? 0f : gap;
                    if (words.Count > 0 && x + before + piece.Width > width)
                    {
                        lines.Add(new Line(words, x));
                        words = [];
                        x = 0f;
                        before = 0f;
                    }

                    words.Add(new Placed(piece, x + before));
                    x += before + piece.Width;
                    gap = space;
                }
            }

            lines.Add(new Line(words, x));
        }

        return lines;
    }

    /// <summary>The word itself when it fits a line, else its characters one by one (placed without spaces between).</summary>
    private IEnumerable<(ShapedWord Piece, bool Joined)> Pieces(ShapedWord word, string token, PdfStyle style, float width)
    {
        if (word.Width <= width)
        {
            yield return (word, false);
            yield break;
        }

        var elements = StringInfo.GetTextElementEnumerator(token);
        var first = true;
        while (elements.MoveNext())
        {
            yield return (fonts.Shape(elements.GetTextElement(), style), !first);
            first = false;
        }
    }

    private void DrawLine(Line line, float left, float baseline, PdfStyle style)
    {
        if (_canvas is null || line.Words.Count == 0)
        {
            return;
        }

        using var builder = new SKTextBlobBuilder();
        foreach (var placed in RightToLeftReordered(line.Words))
        {
            foreach (var run in placed.Word.Runs)
            {
                if (run.Glyphs.Length == 0)
                {
                    continue;
                }

                var buffer = builder.AllocatePositionedTextRun(run.Font, run.Glyphs.Length, run.Utf8.Length);
                run.Glyphs.CopyTo(buffer.Glyphs);
                var positions = buffer.Positions;
                for (var i = 0; i < run.Positions.Length; i++)
                {
                    positions[i] = new SKPoint(left + placed.X + run.Offset + run.Positions[i].X, run.Positions[i].Y);
                }

                buffer.SetText(run.Utf8);
                buffer.SetClusters(run.Clusters);
            }
        }

        using var blob = builder.Build();
        if (blob is not null)
        {
            using var paint = new SKPaint { Color = style.Color, IsAntialias = true };
            _canvas.DrawText(blob, 0, baseline, paint);
        }
    }

    /// <summary>Consecutive right-to-left words swap places within the stretch they fill, so Arabic reads from the right.</summary>
    private static IEnumerable<Placed> RightToLeftReordered(IReadOnlyList<Placed> words)
    {
        for (var i = 0; i < words.Count; i++)
        {
            if (!words[i].Word.RightToLeft)
            {
                yield return words[i];
                continue;
            }

            var end = i;
            while (end + 1 < words.Count && words[end + 1].Word.RightToLeft)
            {
                end++;
            }

            var left = words[i].X;
            var right = words[end].X + words[end].Word.Width;
            for (var k = i; k <= end; k++)
            {
                yield return words[k] with { X = left + (right - (words[k].X + words[k].Word.Width)) };
            }

            i = end;
        }
    }

    private sealed record Placed(ShapedWord Word, float X);

    private sealed record Line(IReadOnlyList<Placed> Words, float Width);
}
