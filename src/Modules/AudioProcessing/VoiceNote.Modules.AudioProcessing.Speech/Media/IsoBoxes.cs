using System.Buffers.Binary;

namespace VoiceNote.Modules.AudioProcessing.Speech.Media;

/// <summary>
/// The top-level boxes of an ISO base media file (MP4, M4A, 3GP, MOV). ffprobe answers only "invalid
/// data" for a cut-off MP4, so the structure tells truncated from corrupt: a box whose declared size
/// runs past the end of the file means the file was cut short.
/// </summary>
internal static class IsoBoxes
{
    public static readonly IReadOnlySet<string> Formats = new HashSet<string>(StringComparer.Ordinal) { "m4a", "mp4", "3gp", "mov" };

    public static bool EndsEarly(string path)
    {
        using var file = File.OpenRead(path);
        Span<byte> header = stackalloc byte[16];
        long at = 0;
        while (at + 8 <= file.Length)
        {
            file.Position = at;
            file.ReadExactly(header[..8]);
            long size = BinaryPrimitives.ReadUInt32BigEndian(header);
            if (size == 1)
            {
                // A 64-bit size follows the type.
                if (at + 16 > file.Length)
                {
                    return true;
                }

                file.ReadExactly(header[8..16]);
                size = (long)BinaryPrimitives.ReadUInt64BigEndian(header[8..]);
            }
            else if (size == 0)
            {
                return false; // "to the end of the file": cannot overrun
            }

            if (size < 8)
            {
                return false; // not a box structure: corrupt, not cut short
            }

            if (at + size > file.Length)
            {
                return true;
            }

            at += size;
        }

        return at < file.Length;
    }
}
