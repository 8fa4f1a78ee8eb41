using VoiceNote.Modules.Exports.Application.Formats;
using VoiceNote.Modules.Exports.Domain;

namespace VoiceNote.Modules.Exports.Application.Writing;

/// <summary>Which format is made of which source, and the note writer of each note format.</summary>
internal sealed class ExportWriters(IEnumerable<INoteWriter> writers)
{
    private readonly Dictionary<string, INoteWriter> _byFormat = writers.ToDictionary(w => w.Format.Name, StringComparer.Ordinal);

    public INoteWriter For(ExportFormat format) =>
        _byFormat.TryGetValue(format.Name, out var writer) ? writer : throw new InvalidOperationException($"No writer is registered for '{format.Name}'.");

    public static bool Accepts(ExportFormat format, ExportSource source) =>
        format == ExportFormat.Account ? source == ExportSource.Account
        : format == ExportFormat.Case ? source == ExportSource.Case
        : source is ExportSource.Note or ExportSource.Recording;

    /// <summary>The sources a format is made of, as a validation message names them.</summary>
    public static string SourcesOf(ExportFormat format) =>
        format == ExportFormat.Account ? "the whole account (source kind ACCOUNT)"
        : format == ExportFormat.Case ? "a case (source kind CASE)"
        : "a note or a recording (source kind NOTE or RECORDING)";
}
