using System.Text;
using VoiceNote.Modules.Exports.Application.Documents;
using VoiceNote.Modules.Exports.Application.Formats;

namespace VoiceNote.UnitTests.Exports.Formats;

/// <summary>What a writer wrote for a note, and the progress it reported on the way.</summary>
internal sealed record Written(byte[] Bytes, IReadOnlyList<int> Progress)
{
    public string Text => Encoding.UTF8.GetString(Bytes);

    public static async Task<Written> By(INoteWriter writer, NoteDocument note)
    {
        using var output = new MemoryStream();
        var progress = new RecordedProgress();
        await writer.WriteAsync(note, output, progress, CancellationToken.None);
        return new Written(output.ToArray(), progress.Reports);
    }

    /// <summary>Reports as they happen (Progress&lt;T&gt; would post them to a thread pool, out of order).</summary>
    private sealed class RecordedProgress : IProgress<int>
    {
        public List<int> Reports { get; } = [];

        public void Report(int value) => Reports.Add(value);
    }
}
