using System.Buffers.Binary;
using System.Text;

namespace VoiceNote.Modules.AudioProcessing.Speech.Media;

/// <summary>What the first bytes of a file say it is.</summary>
/// <param name="Format">Short name: webm, matroska, ogg, wav, flac, mp3, mp2, aac, m4a, mp4, 3gp, mov, amr, caf when
/// audio may be inside; png, jpeg, gif, pdf, zip, heif, avi, webp, text, unknown, empty otherwise.</param>
/// <param name="MayBeAudio">True for containers that carry audio (ffprobe still decides whether they do).</param>
/// <param name="Description">Human words for messages ("a PNG image").</param>
internal sealed record SniffedFormat(string Format, bool MayBeAudio, string Description);

/// <summary>
/// Decides the container from magic bytes, before any tool runs, for the formats phones and browsers record:
/// WebM/Matroska (EBML), Ogg, RIFF/WAVE, FLAC, MP3 (ID3 tag or MPEG frame sync), MP4/M4A/3GP/MOV (ftyp with
/// a brand check, because HEIF photos use ftyp too), ADTS AAC, AMR and CAF. Everything else is refused,
/// with a name for the common impostors (images, PDFs, archives, text).
/// </summary>
internal static class AudioFormatSniffer
{
    /// <summary>Enough for every signature here, including an Ogg page's first packet and an EBML DocType.</summary>
    public const int HeaderLength = 4096;

    private static readonly string[] ImageBrands = ["heic", "heix", "hevc", "hevx", "heim", "heis", "hevm", "hevs", "mif1", "msf1", "avif", "avis", "crx "];

    public static async Task<SniffedFormat> SniffFileAsync(string path, CancellationToken cancellationToken = default)
    {
        var buffer = new byte[HeaderLength];
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous);
        var filled = 0;
        int read;
        while (filled < buffer.Length && (read = await file.ReadAsync(buffer.AsMemory(filled), cancellationToken).ConfigureAwait(false)) > 0)
        {
            filled += read;
        }

        return Sniff(buffer.AsSpan(0, filled));
    }

    public static SniffedFormat Sniff(ReadOnlySpan<byte> head)
    {
        if (head.IsEmpty)
        {
            return new("empty", false, "an empty file");
        }

        return SniffContainer(head)
            ?? SniffMpegAudio(head)
            ?? SniffNonAudio(head)
            ?? new("unknown", false, "not a recognised audio format");
    }

    private static SniffedFormat? SniffContainer(ReadOnlySpan<byte> head)
    {
        if (StartsWith(head, 0, "RIFF"u8) || StartsWith(head, 0, "RF64"u8) || StartsWith(head, 0, "BW64"u8))
        {
            return Riff(head);
        }

        if (StartsWith(head, 0, [0x1A, 0x45, 0xDF, 0xA3]))
        {
            return Ebml(head);
        }

        if (StartsWith(head, 0, "OggS"u8))
        {
            return Ogg(head);
        }

        if (StartsWith(head, 0, "fLaC"u8))
        {
            return new("flac", true, "FLAC audio");
        }

        if (StartsWith(head, 0, "ID3"u8) && head.Length >= 10 && head[3] is >= 2 and <= 4)
        {
            return BehindId3(head);
        }

        if (StartsWith(head, 4, "ftyp"u8))
        {
            return IsoBaseMedia(head);
        }

        if (StartsWith(head, 0, "#!AMR"u8))
        {
            return new("amr", true, "AMR speech (3GPP voice recorder)");
        }

        if (StartsWith(head, 0, "caff"u8))
        {
            return new("caf", true, "Apple Core Audio (CAF)");
        }

        return null;
    }

    /// <summary>
    /// An ID3v2 tag leads MP3 files (rarely AAC). What follows the tag decides, when it is within the head:
    /// a tag is no proof of audio, and ffmpeg itself would skip it and guess (text behind it, a playlist,
    /// would be opened as HLS and read other files). A tag longer than the head (cover art) stays MP3.
    /// </summary>
    private static SniffedFormat BehindId3(ReadOnlySpan<byte> head)
    {
        // The size is syncsafe (7 bits a byte), without the 10-byte header and the optional 10-byte footer.
        var size = (head[6] << 21) | (head[7] << 14) | (head[8] << 7) | head[9];
        var end = 10 + size + ((head[5] & 0x10) != 0 ? 10 : 0);
        var rest = end < head.Length ? head[end..] : [];
        var firstData = rest.IndexOfAnyExcept((byte)0);
        if (rest.IsEmpty || firstData < 0)
        {
            return new("mp3", true, "MP3 audio (ID3 tag)");
        }

        // MPEG frames or ADTS AAC; what is recognisably something else (text, an image) is refused; the rest
        // is left to the MP3 demuxer, which resyncs past junk.
        var data = rest[firstData..];
        if (SniffMpegAudio(data) is { } audio)
        {
            return audio with { Description = audio.Description + " (ID3 tag)" };
        }

        return SniffNonAudio(data) is { } other
            ? new("id3", false, $"an ID3 tag followed by {other.Description}")
            : new("mp3", true, "MP3 audio (ID3 tag)");
    }

    private static SniffedFormat Riff(ReadOnlySpan<byte> head)
    {
        if (StartsWith(head, 8, "WAVE"u8))
        {
            return new("wav", true, "WAVE audio");
        }

        if (StartsWith(head, 8, "AVI "u8))
        {
            return new("avi", false, "an AVI video");
        }

        return StartsWith(head, 8, "WEBP"u8)
            ? new("webp", false, "a WebP image")
            : new("riff", false, "a RIFF file that is not WAVE audio");
    }

    private static SniffedFormat Ebml(ReadOnlySpan<byte> head)
    {
        // The EBML header's DocType element (ID 0x4282) holds "webm" or "matroska" within the first bytes.
        var window = head[..Math.Min(head.Length, 128)];
        if (window.IndexOf("webm"u8) >= 0)
        {
            return new("webm", true, "WebM");
        }

        return window.IndexOf("matroska"u8) >= 0
            ? new("matroska", true, "Matroska")
            : new("ebml", false, "an EBML document that is neither WebM nor Matroska");
    }

    private static SniffedFormat Ogg(ReadOnlySpan<byte> head)
    {
        // The first page's first packet names the codec of the first stream.
        if (head.Length < 27 || head.Length < 27 + head[26])
        {
            return new("ogg", true, "Ogg");
        }

        var packet = head[(27 + head[26])..];
        if (StartsWith(packet, 0, "OpusHead"u8))
        {
            return new("ogg", true, "Ogg Opus");
        }

        if (StartsWith(packet, 0, "\u0001vorbis"u8))
        {
            return new("ogg", true, "Ogg Vorbis");
        }

        if (StartsWith(packet, 0, [0x7F, (byte)'F', (byte)'L', (byte)'A', (byte)'C']))
        {
            return new("ogg", true, "Ogg FLAC");
        }

        if (StartsWith(packet, 0, "Speex   "u8))
        {
            return new("ogg", true, "Ogg Speex");
        }

        // Theora (video) or an unknown codec first: an audio stream may still follow, ffprobe decides.
        return new("ogg", true, "Ogg (first stream is not a known audio codec)");
    }

    private static SniffedFormat IsoBaseMedia(ReadOnlySpan<byte> head)
    {
        var boxSize = head.Length >= 4 ? (int)Math.Min(BinaryPrimitives.ReadUInt32BigEndian(head), (uint)head.Length) : 0;
        var major = Brand(head, 8);
        var brands = new List<string> { major };
        for (var at = 16; at + 4 <= boxSize; at += 4)
        {
            brands.Add(Brand(head, at));
        }

        if (ImageBrands.Contains(major) || (brands.Any(ImageBrands.Contains) && !brands.Any(IsAudioOrVideoBrand)))
        {
            return new("heif", false, "a HEIF/AVIF image");
        }

        if (brands.Any(b => b is "M4A " or "M4B " or "M4P "))
        {
            return new("m4a", true, "MPEG-4 audio (M4A)");
        }

        if (major.StartsWith("3g", StringComparison.Ordinal))
        {
            return new("3gp", true, "3GPP");
        }

        return major == "qt  " ? new("mov", true, "QuickTime") : new("mp4", true, "MPEG-4");
    }

    private static bool IsAudioOrVideoBrand(string brand) =>
        brand is "M4A " or "M4B " or "M4V " or "mp41" or "mp42" or "isom" or "iso2" or "dash" or "qt  " || brand.StartsWith("3g", StringComparison.Ordinal);

    /// <summary>
    /// A bare MPEG audio or ADTS AAC stream: no container, only frame headers. A header is accepted when its
    /// fields are valid and, if the buffer reaches it, the next frame's header sits where its length says.
    /// </summary>
    private static SniffedFormat? SniffMpegAudio(ReadOnlySpan<byte> head)
    {
        if (head.Length < 4 || head[0] != 0xFF || (head[1] & 0xE0) != 0xE0)
        {
            return null;
        }

        if ((head[1] & 0x06) == 0)
        {
            return AdtsFrameLength(head) is { } adts && NextFrameAgrees(head, adts, static h => AdtsFrameLength(h) is not null)
                ? new("aac", true, "AAC audio (ADTS)")
                : null;
        }

        if (MpegFrameLength(head) is not { } length || !NextFrameAgrees(head, length, static h => MpegFrameLength(h) is not null))
        {
            return null;
        }

        return ((head[1] >> 1) & 0x03) == 0x01 ? new("mp3", true, "MP3 audio") : new("mp2", true, "MPEG audio (layer I/II)");
    }

    private static bool NextFrameAgrees(ReadOnlySpan<byte> head, int frameLength, Func<ReadOnlySpan<byte>, bool> isHeader) =>
        frameLength + 4 > head.Length || isHeader(head[frameLength..]);

    private static int? AdtsFrameLength(ReadOnlySpan<byte> h)
    {
        if (h.Length < 7 || h[0] != 0xFF || (h[1] & 0xF6) != 0xF0 || ((h[2] >> 2) & 0x0F) >= 13)
        {
            return null;
        }

        var length = ((h[3] & 0x03) << 11) | (h[4] << 3) | (h[5] >> 5);
        return length >= 7 ? length : null;
    }

    private static int? MpegFrameLength(ReadOnlySpan<byte> h)
    {
        if (h.Length < 4 || h[0] != 0xFF || (h[1] & 0xE0) != 0xE0)
        {
            return null;
        }

        var version = (h[1] >> 3) & 0x03; // 0: MPEG 2.5, 1: reserved, 2: MPEG 2, 3: MPEG 1
        var layer = (h[1] >> 1) & 0x03;   // 1: III, 2: II, 3: I
        var bitrateIndex = h[2] >> 4;
        var rateIndex = (h[2] >> 2) & 0x03;
        if (version == 1 || layer == 0 || bitrateIndex is 0 or 15 || rateIndex == 3)
        {
            return null;
        }

        var mpeg1 = version == 3;
        int[] rates = version switch { 3 => [44100, 48000, 32000], 2 => [22050, 24000, 16000], _ => [11025, 12000, 8000] };
        var bitrate = 1000 * Bitrate(mpeg1, layer, bitrateIndex);
        var padding = (h[2] >> 1) & 0x01;
        var sampleRate = rates[rateIndex];
        return layer switch
        {
            3 => ((12 * bitrate / sampleRate) + padding) * 4,
            2 => (144 * bitrate / sampleRate) + padding,
            _ => ((mpeg1 ? 144 : 72) * bitrate / sampleRate) + padding,
        };
    }

    private static int Bitrate(bool mpeg1, int layer, int index)
    {
        int[] table = (mpeg1, layer) switch
        {
            (true, 3) => [0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448],
            (true, 2) => [0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384],
            (true, _) => [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
            (false, 3) => [0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256],
            (false, _) => [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
        };
        return table[index];
    }

    private static SniffedFormat? SniffNonAudio(ReadOnlySpan<byte> head)
    {
        if (StartsWith(head, 0, [0x89, (byte)'P', (byte)'N', (byte)'G']))
        {
            return new("png", false, "a PNG image");
        }

        if (StartsWith(head, 0, [0xFF, 0xD8, 0xFF]))
        {
            return new("jpeg", false, "a JPEG image");
        }

        if (StartsWith(head, 0, "GIF8"u8))
        {
            return new("gif", false, "a GIF image");
        }

        if (StartsWith(head, 0, "%PDF"u8))
        {
            return new("pdf", false, "a PDF document");
        }

        if (StartsWith(head, 0, "PK"u8) && head.Length >= 4 && head[2] is 3 or 5 or 7)
        {
            return new("zip", false, "a ZIP archive (or an Office document)");
        }

        return LooksLikeText(head) ? new("text", false, "text") : null;
    }

    private static bool LooksLikeText(ReadOnlySpan<byte> head)
    {
        // Valid UTF-8 without control characters other than whitespace; a cut multi-byte character at the end is fine.
        var decoder = new UTF8Encoding(false, true);
        string text;
        try
        {
            text = decoder.GetString(head[..LastCompleteUtf8Boundary(head)]);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }

        return text.Length > 0 && text.All(c => !char.IsControl(c) || c is '\n' or '\r' or '\t' or '\f');
    }

    private static int LastCompleteUtf8Boundary(ReadOnlySpan<byte> bytes)
    {
        // Walk back over at most 3 continuation bytes to the start of the last character.
        var end = bytes.Length;
        for (var i = bytes.Length - 1; i >= 0 && i >= bytes.Length - 4; i--)
        {
            var b = bytes[i];
            if ((b & 0xC0) == 0x80)
            {
                continue;
            }

            var needed = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
            end = i + needed <= bytes.Length ? bytes.Length : i;
            break;
        }

        return end;
    }

    private static string Brand(ReadOnlySpan<byte> head, int at) =>
        at + 4 <= head.Length ? Encoding.ASCII.GetString(head.Slice(at, 4)) : string.Empty;

    private static bool StartsWith(ReadOnlySpan<byte> data, int at, ReadOnlySpan<byte> signature) =>
        data.Length >= at + signature.Length && data.Slice(at, signature.Length).SequenceEqual(signature);
}
