using System.Text;
using System.Text.Json;
using VoiceNote.Modules.Identity.Application.Profiles;
using VoiceNote.Modules.Identity.Domain;

namespace VoiceNote.UnitTests.Identity;

public sealed class ProfileRulesTests
{
    [TestCase("UTC", true)]
    [TestCase("Etc/UTC", true)]
    [TestCase("Europe/Berlin", true)]
    [TestCase("America/Argentina/Buenos_Aires", true)]
    [TestCase("europe/berlin", false)]
    [TestCase("W. Europe Standard Time", false)]
    [TestCase("Pacific Standard Time", false)]
    [TestCase("Local", false)]
    [TestCase("Mars/Olympus_Mons", false)]
    [TestCase("../../etc/passwd", false)]
    [TestCase("", false)]
    [TestCase(" ", false)]
    public void Time_zones_are_IANA_ids_in_their_exact_spelling(string id, bool valid)
    {
        // Warm the runtime's zone cache first: it ignores case, so a wrong spelling must still be refused after.
        _ = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        Assert.That(ProfileRules.IsIanaTimeZone(id), Is.EqualTo(valid));
    }

    [TestCase("en", true)]
    [TestCase("en-US", true)]
    [TestCase("zh-Hant-TW", true)]
    [TestCase("gsw", true)]
    [TestCase("es-419", true)]
    [TestCase("e", false)]
    [TestCase("english", false)]
    [TestCase("en_US", false)]
    [TestCase("en-", false)]
    [TestCase("en-US-abcdefgh-ab", false)]
    public void Languages_are_BCP_47_shaped_tags(string tag, bool valid) =>
        Assert.That(ProfileRules.IsLanguageTag(tag), Is.EqualTo(valid));

    [Test]
    public void Jargon_is_trimmed_and_deduplicated_ignoring_case_keeping_the_first_spelling() =>
        Assert.That(ProfileRules.NormalizeJargon([" SOAP ", "soap", "Ég", "ÉG", "DSM-5", null, "  "]), Is.EqualTo(new[] { "SOAP", "Ég", "DSM-5" }));

    [TestCase("a", true)]
    [TestCase("  padded  ", true)]
    [TestCase("", false)]
    [TestCase("   ", false)]
    [TestCase("line\nbreak", false)]
    [TestCase(null, false)]
    public void Jargon_terms_have_one_to_64_visible_characters(string? term, bool valid) =>
        Assert.That(ProfileRules.IsJargonTerm(term), Is.EqualTo(valid));

    [Test]
    public void A_jargon_term_may_have_64_characters_but_not_65() =>
        Assert.Multiple(() =>
        {
            Assert.That(ProfileRules.IsJargonTerm(new string('x', UserProfile.MaxJargonTermLength)), Is.True);
            Assert.That(ProfileRules.IsJargonTerm(new string('x', UserProfile.MaxJargonTermLength + 1)), Is.False);
        });

    [TestCase("""{}""", true)]
    [TestCase("""{"theme":"dark","n":[1,2.5,-3e10,true,null,{"deep":"ü"}]}""", true)]
    [TestCase("""[]""", false)]
    [TestCase("""  "text" """, false)]
    [TestCase("""42""", false)]
    [TestCase("""null""", false)]
    [TestCase("""{"n":1e400}""", false)]
    [TestCase("""{"t":"a\u0000b"}""", false)]
    [TestCase("""{"a\u0000":1}""", false)]
    [TestCase("""{"t":"\ud800"}""", false)]
    [TestCase("""{"t":"\ud83d\ude00"}""", true)]
    public void Settings_are_a_JSON_object_that_jsonb_can_store(string json, bool valid)
    {
        using var document = JsonDocument.Parse(json);
        Assert.That(ProfileRules.SettingsProblem(document.RootElement), valid ? Is.Null : Is.Not.Null);
    }

    [Test]
    public void The_settings_limit_counts_compact_UTF8_bytes()
    {
        // Non-ASCII counts as its UTF-8 bytes, not as a six-character escape; whitespace does not count.
        var justFits = "{\"t\":\"" + new string('é', (UserProfile.MaxSettingsJsonBytes - 8) / 2) + "\"}";
        var padded = justFits.Replace("{", "{      ", StringComparison.Ordinal);
        using var fits = JsonDocument.Parse(padded);
        Assert.That(Encoding.UTF8.GetByteCount(justFits), Is.LessThanOrEqualTo(UserProfile.MaxSettingsJsonBytes));
        Assert.That(ProfileRules.SettingsProblem(fits.RootElement), Is.Null);

        using var over = JsonDocument.Parse("{\"t\":\"" + new string('é', UserProfile.MaxSettingsJsonBytes / 2) + "\"}");
        Assert.That(ProfileRules.SettingsProblem(over.RootElement), Is.Not.Null);
    }

    [Test]
    public void Roles_are_written_upper_case_and_read_in_any_case()
    {
        foreach (var role in Enum.GetValues<UserRole>())
        {
            var name = ProfileNames.Of(role)!;
            Assert.That(ProfileNames.TryParseRole(name, out var parsed) && parsed == role, Is.True, name);
        }

        Assert.Multiple(() =>
        {
            Assert.That(ProfileNames.Of(UserRole.OfficeWorker), Is.EqualTo("OFFICE_WORKER"));
            Assert.That(ProfileNames.Of(UserRole.BusinessMan), Is.EqualTo("BUSINESS_MAN"));
            Assert.That(ProfileNames.TryParseRole("office_worker", out var lower) && lower == UserRole.OfficeWorker, Is.True);
            Assert.That(ProfileNames.TryParseRole("Office-Worker", out var hyphenated) && hyphenated == UserRole.OfficeWorker, Is.True);
            Assert.That(ProfileNames.TryParseRole("OFFICEWORKER", out _), Is.False);
            Assert.That(ProfileNames.RoleNames, Has.Count.EqualTo(Enum.GetValues<UserRole>().Length));
        });
    }
}
