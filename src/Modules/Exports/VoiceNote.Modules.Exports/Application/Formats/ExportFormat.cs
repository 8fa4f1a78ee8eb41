namespace VoiceNote.Modules.Exports.Application.Formats;

/// <summary>A file an export can write: its name in the API, its extension and its media type.</summary>
internal sealed record ExportFormat(string Name, string Extension, string ContentType)
{
    public static readonly ExportFormat PdfSummary = new("pdf_summary", "pdf", "application/pdf");
    public static readonly ExportFormat PdfTranscript = new("pdf_transcript", "pdf", "application/pdf");
    public static readonly ExportFormat MarkdownSummary = new("markdown_summary", "md", "text/markdown; charset=utf-8");
    public static readonly ExportFormat MarkdownTranscript = new("markdown_transcript", "md", "text/markdown; charset=utf-8");
    public static readonly ExportFormat Srt = new("srt", "srt", "application/x-subrip; charset=utf-8");
    public static readonly ExportFormat Vtt = new("vtt", "vtt", "text/vtt; charset=utf-8");
    public static readonly ExportFormat Text = new("txt", "txt", "text/plain; charset=utf-8");
    public static readonly ExportFormat Json = new("json", "json", "application/json");
    public static readonly ExportFormat Docx = new("docx", "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    public static readonly ExportFormat Account = new("account", "zip", "application/zip");
    public static readonly ExportFormat Case = new("case", "zip", "application/zip");

    /// <summary>The formats one note (or one recording's note) can be written in.</summary>
    public static readonly IReadOnlyList<ExportFormat> OfANote =
        [PdfSummary, PdfTranscript, MarkdownSummary, MarkdownTranscript, Srt, Vtt, Text, Json, Docx];

    public static readonly IReadOnlyList<ExportFormat> All = [.. OfANote, Account, Case];

    public static ExportFormat? Named(string? name) => All.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.Ordinal));
}
