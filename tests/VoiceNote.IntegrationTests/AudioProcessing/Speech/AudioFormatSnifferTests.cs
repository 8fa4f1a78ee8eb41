using System.Text;
using VoiceNote.Modules.AudioProcessing.Speech.Media;

namespace VoiceNote.IntegrationTests.AudioProcessing.Speech;

/// <summary>The magic-bytes sniffer on real recordings from ffmpeg and on the headers of common impostors.</summary>
[Parallelizable(ParallelScope.All)]
public sealed class AudioFormatSnifferTests
{
    [TestCase("webm-opus", "webm")]
    [TestCase("ogg-vorbis", "ogg")]
    [TestCase("ogg-opus", "ogg")]
    [TestCase("m4a-aac", "m4a")]
    [TestCase("mp3", "mp3")]
    [TestCase("mp3-no-id3", "mp3")]
    [TestCase("aac-adts", "aac")]
    [TestCase("flac", "flac")]
    [TestCase("caf", "caf")]
    [TestCase("wav-44k-stereo", "wav")]
    public async Task Real_recordings_are_recognised_as_audio(string sample, string expectedFormat)
    {
        var sniffed = await AudioFormatSniffer.SniffFileAsync(await SpeechSamples.DentistAsAsync(sample));

        Assert.That(sniffed, Has.Property(nameof(SniffedFormat.Format)).EqualTo(expectedFormat).And.Property(nameof(SniffedFormat.MayBeAudio)).True);
    }

    [Test]
    public async Task Flite_wav_and_a_streamed_webm_are_audio()
    {
        Assert.Multiple(async () =>
        {
            Assert.That((await AudioFormatSniffer.SniffFileAsync(await SpeechSamples.DentistWavAsync())).Format, Is.EqualTo("wav"));
            Assert.That((await AudioFormatSniffer.SniffFileAsync(await SpeechSamples.DentistStreamedWebmAsync())).Format, Is.EqualTo("webm"));
        });
    }

    [Test]
    public async Task A_png_and_a_text_named_wav_are_not_audio()
    {
        var png = await AudioFormatSniffer.SniffFileAsync(await SpeechSamples.PngNamedWavAsync());
        var text = await AudioFormatSniffer.SniffFileAsync(await SpeechSamples.TextNamedWavAsync());

        Assert.Multiple(() =>
        {
            Assert.That(png, Is.EqualTo(new SniffedFormat("png", false, "a PNG image")));
            Assert.That(text, Is.EqualTo(new SniffedFormat("text", false, "text")));
        });
    }

    public static IEnumerable<TestCaseData> Headers()
    {
        yield return Case("empty", [], "empty", false);
        yield return Case("PNG", [0x89, .. "PNG\r\n\u001a\n"u8, 0, 0, 0, 13], "png", false);
        yield return Case("JPEG", [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, .. "JFIF"u8], "jpeg", false);
        yield return Case("GIF", [.. "GIF89a"u8, 1, 0, 1, 0], "gif", false);
        yield return Case("PDF", [.. "%PDF-1.7\n"u8], "pdf", false);
        yield return Case("ZIP / docx", [.. "PK"u8, 3, 4, 20, 0, 0, 0], "zip", false);
        yield return Case("HEIC photo", Ftyp("heic", "mif1", "heic"), "heif", false);
        yield return Case("AVIF image", Ftyp("avif", "avif", "mif1", "miaf"), "heif", false);
        yield return Case("M4A (iPhone voice memo)", Ftyp("M4A ", "M4A ", "isom", "mp42"), "m4a", true);
        yield return Case("MP4 with M4A compatible", Ftyp("isom", "isom", "M4A "), "m4a", true);
        yield return Case("MP4", Ftyp("isom", "isom", "iso2", "mp41"), "mp4", true);
        yield return Case("3GP (Android recorder)", Ftyp("3gp4", "isom", "3gp4"), "3gp", true);
        yield return Case("QuickTime", Ftyp("qt  ", "qt  "), "mov", true);
        yield return Case("AMR", [.. "#!AMR\n"u8, 0x3C], "amr", true);
        yield return Case("RIFF AVI", [.. "RIFF"u8, 0, 0, 0, 0, .. "AVI LIST"u8], "avi", false);
        yield return Case("RIFF WebP", [.. "RIFF"u8, 0, 0, 0, 0, .. "WEBPVP8 "u8], "webp", false);
        yield return Case("RF64 WAVE", [.. "RF64"u8, 0xFF, 0xFF, 0xFF, 0xFF, .. "WAVEds64"u8], "wav", true);
        yield return Case("Matroska", [0x1A, 0x45, 0xDF, 0xA3, 0x9F, 0x42, 0x86, 0x81, 0x01, 0x42, 0x82, 0x88, .. "matroska"u8], "matroska", true);
        yield return Case("EBML of another kind", [0x1A, 0x45, 0xDF, 0xA3, 0x84, 0x42, 0x82, 0x81, .. "x"u8], "ebml", false);
        yield return Case("Ogg Theora first", OggPage([0x80, .. "theora"u8]), "ogg", true);
        yield return Case("Ogg FLAC", OggPage([0x7F, .. "FLAC"u8]), "ogg", true);
        yield return Case("MPEG frame sync lookalike (bad bitrate)", [0xFF, 0xFB, 0xF0, 0x00, 1, 2, 3], "unknown", false);
        yield return Case("UTF-8 text", Encoding.UTF8.GetBytes("Einkaufsliste: Milch, Brötchen, Käse"), "text", false);
        yield return Case("random bytes", RandomBytes(), "unknown", false);
        yield return Case("ELF executable", [0x7F, .. "ELF"u8, 2, 1, 1, 0, 0, 0, 0, 0], "unknown", false);
    }

    [TestCaseSource(nameof(Headers))]
    public void Headers_are_sniffed(byte[] head, string format, bool mayBeAudio)
    {
        var sniffed = AudioFormatSniffer.Sniff(head);

        Assert.That(sniffed, Has.Property(nameof(SniffedFormat.Format)).EqualTo(format).And.Property(nameof(SniffedFormat.MayBeAudio)).EqualTo(mayBeAudio));
    }

    private static TestCaseData Case(string name, byte[] head, string format, bool mayBeAudio) =>
        new TestCaseData(head, format, mayBeAudio).SetArgDisplayNames(name);

    private static byte[] Ftyp(string major, params string[] compatible)
    {
        var size = 16 + (4 * compatible.Length);
        var box = new List<byte> { 0, 0, 0, (byte)size };
        box.AddRange("ftyp"u8.ToArray());
        box.AddRange(Encoding.ASCII.GetBytes(major));
        box.AddRange([0, 0, 0, 0]);
        foreach (var brand in compatible)
        {
            box.AddRange(Encoding.ASCII.GetBytes(brand));
        }

        return [.. box];
    }

    private static byte[] OggPage(byte[] packet) =>
        [.. "OggS"u8, 0, 2, .. new byte[20], 1, (byte)packet.Length, .. packet];

    private static byte[] RandomBytes()
    {
        var bytes = new byte[512];
        new Random(7).NextBytes(bytes);
        bytes[0] = 0x13; // not 0xFF, so no frame sync by chance
        return bytes;
    }
}
