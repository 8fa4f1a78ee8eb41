using System.Text;

namespace VoiceNote.Benchmarks;

/// <summary>The figures of one run: printed as they come and, with <c>--output</c>, written to a file at the end.</summary>
internal sealed class BenchReport(string? file)
{
    private readonly StringBuilder _text = new();

    public void Line(string line)
    {
        Console.WriteLine(line);
        _text.AppendLine(line);
    }

    public async Task SaveAsync()
    {
        if (file is null)
        {
            return;
        }

        await File.WriteAllTextAsync(file, _text.ToString());
        Console.Error.WriteLine($"Figures written to {file}");
    }
}
