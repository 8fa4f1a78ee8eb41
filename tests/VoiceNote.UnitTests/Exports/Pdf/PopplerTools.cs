using System.Diagnostics;

namespace VoiceNote.UnitTests.Exports.Pdf;

/// <summary>Reads PDFs back with poppler's tools (installed by build/setup.sh), as a reader of the file would.</summary>
internal static class PopplerTools
{
    /// <summary>The text in its physical layout: pdftotext's reading order otherwise pulls CJK runs out of their lines.</summary>
    public static string Text(string pdf, int? page = null) =>
        Run("pdftotext", [.. Pages(page), "-layout", "-enc", "UTF-8", pdf, "-"]);

    public static int PageCount(string pdf)
    {
        var line = Run("pdfinfo", [pdf]).Split('\n').Single(l => l.StartsWith("Pages:", StringComparison.Ordinal));
        return int.Parse(line["Pages:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>pdffonts' table, one row per font: its columns split on runs of spaces (the name column may be "[none]").</summary>
    public static IReadOnlyList<string> Fonts(string pdf) =>
        [.. Run("pdffonts", [pdf]).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(2)];

    /// <summary>A page as an RGB raster (binary PPM): width, height and three bytes a pixel.</summary>
    public static (int Width, int Height, byte[] Rgb) Raster(string pdf, int page, int dpi)
    {
        var prefix = Path.Combine(Path.GetDirectoryName(pdf)!, $"raster-{page}-{dpi}");
        Run("pdftoppm", ["-r", dpi.ToString(System.Globalization.CultureInfo.InvariantCulture), "-f", $"{page}", "-l", $"{page}", "-singlefile", pdf, prefix]);
        var bytes = File.ReadAllBytes(prefix + ".ppm");
        // header: "P6\n<width> <height>\n255\n"
        var fields = new List<string>();
        var at = 0;
        while (fields.Count < 4)
        {
            var start = at;
            while (!char.IsWhiteSpace((char)bytes[at]))
            {
                at++;
            }

            fields.Add(System.Text.Encoding.ASCII.GetString(bytes, start, at - start));
            at++;
        }

        return (int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture), int.Parse(fields[2], System.Globalization.CultureInfo.InvariantCulture), bytes[at..]);
    }

    private static string[] Pages(int? page) => page is { } p ? ["-f", $"{p}", "-l", $"{p}"] : [];

    private static string Run(string tool, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(30)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{tool} ran longer than 30 s");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} failed ({process.ExitCode}): {error.Result}");
        }

        return output.Result;
    }
}
