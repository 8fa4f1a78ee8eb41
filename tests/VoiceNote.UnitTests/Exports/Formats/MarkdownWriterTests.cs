using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using VoiceNote.Modules.Exports.Application.Formats.Markdown;
using YamlDotNet.Serialization;

namespace VoiceNote.UnitTests.Exports.Formats;

/// <summary>
/// The Markdown files read back with Markdig (CommonMark and its YAML front matter extension) and the front matter
/// with YamlDotNet: the metadata survives any title, user text renders literally, and the transcript is complete
/// and stamped in order.
/// </summary>
public sealed partial class MarkdownWriterTests
{
    private const string HostileTitle = "Title: \"quoted\" # not a comment\n*stars*";

    private static readonly MarkdownPipeline CommonMark = new MarkdownPipelineBuilder().UseYamlFrontMatter().Build();

    [TestCase("Europe/Berlin")]
    [TestCase("Asia/Tokyo")]
    [TestCase("America/New_York")]
    public async Task The_front_matter_carries_the_metadata_in_the_owners_zone(string zoneId)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var written = await Written.By(new MarkdownSummaryWriter(), ExportFixture.Note(zone));

        var front = FrontMatter(written.Text);

        var recordedAt = TimeZoneInfo.ConvertTime(new DateTimeOffset(2026, 11, 30, 8, 45, 0, TimeSpan.Zero), zone);
        Assert.Multiple(() =>
        {
            Assert.That(written.Text, Does.StartWith("---\n"), "front matter opens the file");
            Assert.That(front["id"], Is.EqualTo("0193c6a0-0000-7000-8000-000000000015"));
            Assert.That(front["title"], Is.EqualTo(ExportFixture.Title));
            Assert.That(front["time_zone"], Is.EqualTo(zoneId));
            Assert.That(front["priority"], Is.EqualTo("HIGH"));
            Assert.That(front["sentiment"], Is.EqualTo("positive"));
            Assert.That(front["language"], Is.EqualTo("en"));
            Assert.That(front, Does.ContainKey("duration"));
            Assert.That(front, Does.Not.ContainKey("exported_at"));
            var writtenAt = DateTimeOffset.ParseExact(front["recorded_at"], "yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture);
            Assert.That(writtenAt, Is.EqualTo(recordedAt));
            Assert.That(writtenAt.Offset, Is.EqualTo(recordedAt.Offset), "with the owner's offset, not UTC");
        });
    }

    [Test]
    public async Task A_hostile_title_round_trips_through_yaml_and_renders_literally()
    {
        var note = ExportFixture.Note() with { Title = HostileTitle };
        var written = await Written.By(new MarkdownSummaryWriter(), note);

        var front = FrontMatter(written.Text);
        var html = Markdown.ToHtml(written.Text, CommonMark);
        var heading = Regex.Match(html, "<h1>(?<text>.*?)</h1>", RegexOptions.Singleline);

        Assert.Multiple(() =>
        {
            Assert.That(front["title"], Is.EqualTo(HostileTitle));
            Assert.That(heading.Success, Is.True, html);
            Assert.That(html, Does.Not.Contain("<em>"));
            Assert.That(WebUtility.HtmlDecode(heading.Groups["text"].Value), Is.EqualTo("Title: \"quoted\" # not a comment *stars*"));
        });
    }

    [Test]
    public async Task Markdown_in_the_summary_and_tasks_renders_as_typed()
    {
        var note = ExportFixture.Note() with
        {
            Summary = "# not a heading\n1. not a list\n- not an item\n*not emphasis* and <b>no html</b> &amp; [no](link)\n\n===",
            Tasks = [new("`code` and _under_ ~~strike~~ | pipe", null, "LOW", false, null)],
        };
        var written = await Written.By(new MarkdownSummaryWriter(), note);

        var html = Markdown.ToHtml(written.Text, CommonMark);
        var text = Markdown.ToPlainText(written.Text, CommonMark);

        Assert.Multiple(() =>
        {
            Assert.That(Regex.Matches(html, "<h1>").Count, Is.EqualTo(1), "the title only");
            Assert.That(html, Does.Not.Contain("<ol").And.Not.Contain("<em>").And.Not.Contain("<b>").And.Not.Contain("<a ").And.Not.Contain("<code>"));
            Assert.That(text, Does.Contain("# not a heading").And.Contain("1. not a list").And.Contain("*not emphasis* and <b>no html</b> &amp; [no](link)"));
            Assert.That(text, Does.Contain("`code` and _under_ ~~strike~~ | pipe"));
        });
    }

    [Test]
    public async Task Every_task_is_listed_with_its_state_deadline_and_priority()
    {
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var written = await Written.By(new MarkdownSummaryWriter(), ExportFixture.Note(berlin));

        var items = Markdown.Parse(written.Text, CommonMark).Descendants<ListItemBlock>().Select(Text).ToList();

        string Local(int month, int day, int hour) =>
            TimeZoneInfo.ConvertTime(new DateTimeOffset(2026, month, day, hour, 0, 0, TimeSpan.Zero), berlin).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        Assert.Multiple(() =>
        {
            AssertItem(items, "[ ] ", "Send photos of the Tokyo space — 写真を送る", "MEDIUM", Local(12, 4, 17));
            AssertItem(items, "[ ] ", "Rehearse the migration on staging (Ольга)", "HIGH", Local(12, 18, 12));
            AssertItem(items, "[x] ", "Freeze the strings for the 한국어 translators", "LOW", Local(12, 20, 23));
            AssertItem(items, "[ ] ", "Order a coffee machine ☕", "LOW", null);
        });
    }

    [Test]
    public async Task The_transcript_is_every_word_in_paragraphs_stamped_in_order()
    {
        var written = await Written.By(new MarkdownTranscriptWriter(), ExportFixture.Note());

        var document = Markdown.Parse(written.Text, CommonMark);
        var transcript = document.Descendants<HeadingBlock>().Single(h => h.Level == 2 && Text(h) == "Transcript");
        var paragraphs = document.Skip(document.IndexOf(transcript) + 1).OfType<ParagraphBlock>().ToList();
        var stamps = paragraphs.Select(p => p.Inline!.FirstChild as EmphasisInline).ToList();

        Assert.That(stamps, Has.All.Not.Null, "each paragraph opens with a bold timestamp");
        var times = stamps.Select(s => Stamp(Text(s!))).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(times[0], Is.EqualTo(TimeSpan.FromSeconds(1)), "the first word is said at 0:01.2");
            Assert.That(times, Is.Ordered.And.Unique, "increasing");
            Assert.That(times[^1], Is.GreaterThanOrEqualTo(TimeSpan.FromMinutes(30)));
            var spoken = string.Join(' ', paragraphs.Select(p => Text(p)[(Text(p).IndexOf(']', StringComparison.Ordinal) + 2)..]));
            Assert.That(spoken, Is.EqualTo(string.Join(' ', ExportFixture.Words().Select(w => w.Text))), "every word, in order, as said");
        });
    }

    [Test]
    public async Task The_summary_file_has_no_transcript_but_the_key_moments()
    {
        var written = await Written.By(new MarkdownSummaryWriter(), ExportFixture.Note());

        var text = Markdown.ToPlainText(written.Text, CommonMark);

        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Not.Contain("Transcript").And.Not.Contain("let's start with the Tokyo office"));
            Assert.That(text, Does.Contain(ExportFixture.Summary));
            Assert.That(text, Does.Contain("[0:04]").And.Contain("Tokyo office: the lease is signed"));
            Assert.That(text, Does.Contain("[12:30]").And.Contain("[31:00]"));
        });
    }

    private static void AssertItem(List<string> items, string state, string description, string priority, string? deadline)
    {
        var item = items.SingleOrDefault(i => i.Contains(description, StringComparison.Ordinal));
        Assert.That(item, Is.Not.Null, $"a list item for '{description}' in {string.Join(" / ", items)}");
        Assert.That(item, Does.StartWith(state).And.Contain(priority));
        if (deadline is not null)
        {
            Assert.That(item, Does.Contain(deadline));
        }
    }

    private static Dictionary<string, string> FrontMatter(string markdown)
    {
        var block = Markdown.Parse(markdown, CommonMark).Descendants<YamlFrontMatterBlock>().Single();
        var yaml = string.Join('\n', block.Lines.Lines.Take(block.Lines.Count).Select(l => l.ToString()).Where(l => l != "---"));
        return new DeserializerBuilder().Build().Deserialize<Dictionary<string, string>>(yaml);
    }

    /// <summary>The text a reader sees in a block or inline: literal text with escapes resolved, soft breaks as spaces.</summary>
    private static string Text(MarkdownObject node)
    {
        var text = new StringBuilder();
        var inlines = node switch
        {
            LeafBlock leaf => leaf.Inline?.Descendants<Inline>() ?? [],
            ContainerInline container => container.Descendants<Inline>(),
            ContainerBlock container => container.Descendants<LeafBlock>().SelectMany(l => l.Inline?.Descendants<Inline>() ?? []),
            _ => [],
        };
        foreach (var inline in inlines)
        {
            text.Append(inline switch
            {
                LiteralInline literal => literal.Content.ToString(),
                LineBreakInline => " ",
                CodeInline code => code.Content,
                HtmlEntityInline entity => entity.Transcoded.ToString(),
                _ => string.Empty,
            });
        }

        return text.ToString();
    }

    private static TimeSpan Stamp(string stamp)
    {
        var match = StampPattern().Match(stamp);
        Assert.That(match.Success, Is.True, $"'{stamp}' is a [m:ss] or [h:mm:ss] timestamp");
        var parts = match.Groups["time"].Value.Split(':').Select(p => int.Parse(p, CultureInfo.InvariantCulture)).Reverse().ToArray();
        return new TimeSpan(parts.Length > 2 ? parts[2] : 0, parts[1], parts[0]);
    }

    [GeneratedRegex(@"^\[(?<time>(\d+:)?\d{1,2}:\d{2})\]$")]
    private static partial Regex StampPattern();
}
