using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using VoiceNote.Domain.Primitives;
using VoiceNote.IntegrationTests.Harness;
using VoiceNote.Modules.Identity.Contracts;

namespace VoiceNote.IntegrationTests.Identity;

/// <summary>The profile and AI context (docs/product.md, Identity) over HTTP.</summary>
public sealed class ProfileTests : DatabaseFixture
{
    [Test]
    public async Task A_new_account_has_the_default_profile()
    {
        var account = await this.CreateAccountAsync("defaults");
        using var client = this.ClientFor(account);

        var profile = await client.GetFromJsonAsync<JsonElement>("/api/v1/me/profile");
        AssertDefaults(profile);
    }

    [Test]
    public async Task A_user_without_a_profile_row_gets_the_defaults_and_a_put_creates_the_row()
    {
        var account = await this.CreateAccountAsync("norow");
        using var client = this.ClientFor(account);
        Assert.That(await ScalarAsync<int>($"WITH d AS (DELETE FROM identity.profiles WHERE user_id = '{account.UserId}' RETURNING 1) SELECT count(*)::int FROM d"), Is.EqualTo(1));

        var profile = await client.GetAsync("/api/v1/me/profile");
        Assert.That(profile.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        AssertDefaults(await profile.Content.ReadFromJsonAsync<JsonElement>());

        var put = await client.PutAsJsonAsync("/api/v1/me/profile", ValidProfile());
        Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.OK), await put.Content.ReadAsStringAsync());
        Assert.That(await ScalarAsync<long>($"SELECT count(*) FROM identity.profiles WHERE user_id = '{account.UserId}'"), Is.EqualTo(1));
    }

    [Test]
    public async Task A_put_replaces_the_profile_and_normalises_it()
    {
        var account = await this.CreateAccountAsync("replace");
        using var client = this.ClientFor(account);
        var body = ValidProfile();
        body["jargon"] = new JsonArray("  SOAP note ", "soap NOTE", "DSM-5", "CBT", "cbt ");
        body["workDays"] = new JsonArray(6, 2, 4);
        body["timeZone"] = "Europe/Berlin";
        body["settings"] = JsonNode.Parse("""{ "theme": "dark", "nested": { "list": [1, 2.5, true, null, "ü"] } }""");

        var put = await client.PutAsJsonAsync("/api/v1/me/profile", body);
        var saved = await put.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.OK), saved.ToString());
        var read = await client.GetFromJsonAsync<JsonElement>("/api/v1/me/profile");

        foreach (var profile in new[] { saved, read })
        {
            Assert.Multiple(() =>
            {
                Assert.That(profile.GetProperty("primaryRole").GetString(), Is.EqualTo("PSYCHOLOGIST"));
                Assert.That(profile.GetProperty("secondaryRole").GetString(), Is.EqualTo("OFFICE_WORKER"));
                Assert.That(profile.GetProperty("customRoleDescription").GetString(), Is.EqualTo("Child and family therapist"));
                Assert.That(profile.GetProperty("systemPrompt").GetString(), Is.EqualTo("Summarise sessions without names."));
                Assert.That(Strings(profile.GetProperty("jargon")), Is.EqualTo(new[] { "SOAP note", "DSM-5", "CBT" }), "trimmed, de-duplicated ignoring case, first spelling kept");
                Assert.That(profile.GetProperty("workStartHour").GetInt32(), Is.EqualTo(8));
                Assert.That(profile.GetProperty("workEndHour").GetInt32(), Is.EqualTo(18));
                Assert.That(profile.GetProperty("workDays").EnumerateArray().Select(d => d.GetInt32()), Is.EqualTo(new[] { 2, 4, 6 }));
                Assert.That(profile.GetProperty("timeZone").GetString(), Is.EqualTo("Europe/Berlin"));
                Assert.That(profile.GetProperty("showFloatingButton").GetBoolean(), Is.False);
                Assert.That(profile.GetProperty("preferredLanguage").GetString(), Is.EqualTo("de-AT"));
                Assert.That(profile.GetProperty("summaryQuality").GetString(), Is.EqualTo("DETAILED"));
                Assert.That(JsonNode.DeepEquals(JsonNode.Parse(profile.GetProperty("settings").GetRawText()), body["settings"]), Is.True, profile.GetProperty("settings").GetRawText());
            });
        }

        // Roles and prompt cleared: null means none.
        body["primaryRole"] = null;
        body["secondaryRole"] = null;
        body["systemPrompt"] = "   ";
        body["customRoleDescription"] = null;
        var cleared = await (await client.PutAsJsonAsync("/api/v1/me/profile", body)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Multiple(() =>
        {
            Assert.That(cleared.GetProperty("primaryRole").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(cleared.GetProperty("systemPrompt").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(cleared.GetProperty("customRoleDescription").ValueKind, Is.EqualTo(JsonValueKind.Null));
        });
    }

    [Test]
    public async Task Other_modules_read_the_profile_through_the_facade()
    {
        var account = await this.CreateAccountAsync("facade");
        using var client = this.ClientFor(account);
        var put = await client.PutAsJsonAsync("/api/v1/me/profile", ValidProfile());
        Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.OK));

        await using var scope = CreateScope();
        var context = await scope.ServiceProvider.GetRequiredService<IIdentityModule>().GetUserContextAsync(new UserId(account.UserId), CancellationToken.None);
        Assert.That(context, Is.Not.Null);
        Assert.Multiple(() =>
        {
            Assert.That(context!.PrimaryRole, Is.EqualTo("PSYCHOLOGIST"));
            Assert.That(context.SecondaryRole, Is.EqualTo("OFFICE_WORKER"));
            Assert.That(context.TimeZone, Is.EqualTo("America/New_York"));
            Assert.That(context.WorkDays, Is.EqualTo(new[] { 2, 3, 4, 5, 6 }));
            Assert.That(context.Jargon, Is.EqualTo(new[] { "SOAP note" }));
            Assert.That(context.SystemPrompt, Is.EqualTo("Summarise sessions without names."));
            Assert.That(context.SummaryQuality, Is.EqualTo("detailed"));
            Assert.That(context.PreferredLanguage, Is.EqualTo("de-AT"));
        });
    }

    [Test]
    public async Task The_jargon_limit_counts_distinct_terms()
    {
        var account = await this.CreateAccountAsync("jargon");
        using var client = this.ClientFor(account);
        var terms = Enumerable.Range(0, 200).Select(i => $"term{i}").ToList();
        var body = ValidProfile();
        body["jargon"] = new JsonArray([.. terms.Concat(terms.Select(t => t.ToUpperInvariant())).Select(t => (JsonNode)t!)]);

        var accepted = await client.PutAsJsonAsync("/api/v1/me/profile", body);
        Assert.That(accepted.StatusCode, Is.EqualTo(HttpStatusCode.OK), await accepted.Content.ReadAsStringAsync());
        Assert.That((await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("jargon").GetArrayLength(), Is.EqualTo(200));

        ((JsonArray)body["jargon"]!).Add("term200");
        var refused = await client.PutAsJsonAsync("/api/v1/me/profile", body);
        Assert.That(Fields(await refused.AssertProblem(HttpStatusCode.BadRequest, "validation_failed")), Is.EquivalentTo(new[] { "jargon" }));
    }

    [TestCaseSource(nameof(InvalidFields))]
    public async Task Every_bound_is_a_field_error(string field, string? json, string expectedError)
    {
        var account = await this.CreateAccountAsync("bounds");
        using var client = this.ClientFor(account);
        var body = ValidProfile();
        if (json is null)
        {
            body.Remove(field);
        }
        else
        {
            body[field] = JsonNode.Parse(json);
        }

        var response = await client.PutAsJsonAsync("/api/v1/me/profile", body);
        var problem = await response.AssertProblem(HttpStatusCode.BadRequest, "validation_failed");
        Assert.That(Fields(problem), Is.EquivalentTo(new[] { expectedError }), problem.ToString());

        // Nothing was written.
        AssertDefaults(await client.GetFromJsonAsync<JsonElement>("/api/v1/me/profile"));
    }

    [Test]
    public async Task A_work_day_that_ends_before_it_starts_is_refused()
    {
        var account = await this.CreateAccountAsync("hours");
        using var client = this.ClientFor(account);
        var body = ValidProfile();
        body["workStartHour"] = 17;
        body["workEndHour"] = 17;

        var response = await client.PutAsJsonAsync("/api/v1/me/profile", body);
        Assert.That(Fields(await response.AssertProblem(HttpStatusCode.BadRequest, "validation_failed")), Is.EquivalentTo(new[] { "workEndHour" }));
    }

    [Test]
    public async Task Text_the_database_cannot_store_is_a_400_not_a_500()
    {
        var account = await this.CreateAccountAsync("storable");
        using var client = this.ClientFor(account);
        var valid = ValidProfile().ToJsonString();

        // A lone surrogate escape in a plain field fails JSON binding; inside settings it is the validator's.
        var inPrompt = valid.Replace("\"Summarise sessions without names.\"", "\"bad \\ud800 text\"", StringComparison.Ordinal);
        var inSettings = valid.Replace("\"settings\":{}", "\"settings\":{\"a\\ud800\":1}", StringComparison.Ordinal);
        Assert.That(inSettings, Is.Not.EqualTo(valid));
        foreach (var json in new[] { inPrompt, inSettings })
        {
            var response = await client.PutAsync("/api/v1/me/profile", new StringContent(json, Encoding.UTF8, "application/json"));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), await response.Content.ReadAsStringAsync());
        }

        AssertDefaults(await client.GetFromJsonAsync<JsonElement>("/api/v1/me/profile"));
    }

    [Test]
    public async Task A_token_without_the_profile_scopes_is_refused()
    {
        var account = await this.CreateAccountAsync("scopes", scope: "notes:read");
        using var client = this.ClientFor(account);
        await (await client.GetAsync("/api/v1/me/profile")).AssertProblem(HttpStatusCode.Forbidden, "auth.forbidden");
        await (await client.PutAsJsonAsync("/api/v1/me/profile", ValidProfile())).AssertProblem(HttpStatusCode.Forbidden, "auth.forbidden");
    }

    /// <summary>One invalid field per case: its name, its JSON (null: left out of the body), and the error key expected.</summary>
    private static IEnumerable<TestCaseData> InvalidFields()
    {
        TestCaseData Case(string field, object? value, string? error = null, string? name = null)
        {
            var json = value is Missing ? null : JsonSerializer.Serialize(value);
            return new TestCaseData(field, json, error ?? field).SetArgDisplayNames(name ?? $"{field}={json ?? "missing"}");
        }

        TestCaseData Raw(string field, string json, string name) => new TestCaseData(field, json, field).SetArgDisplayNames(name);

        var missing = new Missing();
        yield return Case("primaryRole", "office worker");
        yield return Case("primaryRole", "OfficeWorker");
        yield return Case("secondaryRole", "ADMIN");
        yield return Case("customRoleDescription", new string('d', 1001), name: "customRoleDescription=1001 chars");
        yield return Case("systemPrompt", new string('p', 4001), name: "systemPrompt=4001 chars");
        yield return Case("systemPrompt", "nul \0 inside", name: "systemPrompt with NUL");
        yield return Case("jargon", missing);
        yield return Case("jargon", Enumerable.Range(0, 201).Select(i => $"t{i}").ToArray(), name: "jargon=201 terms");
        yield return Case("jargon", new[] { new string('j', 65) }, "jargon[0]", "jargon term of 65 chars");
        yield return Case("jargon", new[] { "ok", "   " }, "jargon[1]", "jargon blank term");
        yield return Case("jargon", new[] { "tab\tinside" }, "jargon[0]", "jargon control character");
        yield return Case("workStartHour", 24);
        yield return Case("workStartHour", -1);
        yield return Case("workStartHour", missing);
        yield return Case("workEndHour", 24);
        yield return Case("workEndHour", 8, name: "workEndHour equal to start");
        yield return Case("workEndHour", missing);
        yield return Case("workDays", Array.Empty<int>(), name: "workDays empty");
        yield return Case("workDays", new[] { 0 }, "workDays[0]");
        yield return Case("workDays", new[] { 2, 8 }, "workDays[1]");
        yield return Case("workDays", new[] { 2, 2 });
        yield return Case("workDays", missing);
        yield return Case("timeZone", "W. Europe Standard Time");
        yield return Case("timeZone", "Eastern Standard Time");
        yield return Case("timeZone", "Mars/Olympus_Mons");
        yield return Case("timeZone", "europe/berlin");
        yield return Case("timeZone", "../../etc/passwd");
        yield return Case("timeZone", string.Empty, name: "timeZone empty");
        yield return Case("timeZone", missing);
        yield return Case("showFloatingButton", missing);
        yield return Case("preferredLanguage", "english please");
        yield return Case("preferredLanguage", "en-US-abcdefgh-ab", name: "preferredLanguage of 17 chars");
        yield return Case("preferredLanguage", "e");
        yield return Case("preferredLanguage", missing);
        yield return Case("summaryQuality", "best");
        yield return Case("summaryQuality", "balance");
        yield return Case("summaryQuality", missing);
        yield return Case("settings", new[] { 1, 2 });
        yield return Case("settings", "dark");
        yield return Case("settings", 42);
        yield return Case("settings", null, name: "settings=null");
        yield return Case("settings", missing);
        yield return Case("settings", new Dictionary<string, string> { ["big"] = new string('s', 16 * 1024) }, name: "settings over 16 KiB");
        yield return Case("settings", new Dictionary<string, string> { ["text"] = "nul \0 inside" }, name: "settings with NUL");
        yield return Raw("settings", """{"n": 1e400}""", "settings number out of range");
    }

    /// <summary>A complete, valid PUT body.</summary>
    private static JsonObject ValidProfile() => new()
    {
        ["primaryRole"] = "PSYCHOLOGIST",
        ["secondaryRole"] = "OFFICE_WORKER",
        ["customRoleDescription"] = "Child and family therapist",
        ["systemPrompt"] = "Summarise sessions without names.",
        ["jargon"] = new JsonArray("SOAP note"),
        ["workStartHour"] = 8,
        ["workEndHour"] = 18,
        ["workDays"] = new JsonArray(2, 3, 4, 5, 6),
        ["timeZone"] = "America/New_York",
        ["showFloatingButton"] = false,
        ["preferredLanguage"] = "de-AT",
        ["summaryQuality"] = "detailed",
        ["settings"] = new JsonObject(),
    };

    private static void AssertDefaults(JsonElement profile) =>
        Assert.Multiple(() =>
        {
            Assert.That(profile.GetProperty("primaryRole").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(profile.GetProperty("secondaryRole").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(profile.GetProperty("customRoleDescription").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(profile.GetProperty("systemPrompt").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(profile.GetProperty("jargon").GetArrayLength(), Is.Zero);
            Assert.That(profile.GetProperty("workStartHour").GetInt32(), Is.EqualTo(9));
            Assert.That(profile.GetProperty("workEndHour").GetInt32(), Is.EqualTo(17));
            Assert.That(profile.GetProperty("workDays").EnumerateArray().Select(d => d.GetInt32()), Is.EqualTo(new[] { 2, 3, 4, 5, 6 }));
            Assert.That(profile.GetProperty("timeZone").GetString(), Is.EqualTo("UTC"));
            Assert.That(profile.GetProperty("showFloatingButton").GetBoolean(), Is.True);
            Assert.That(profile.GetProperty("preferredLanguage").GetString(), Is.EqualTo("en"));
            Assert.That(profile.GetProperty("summaryQuality").GetString(), Is.EqualTo("BALANCED"));
            Assert.That(profile.GetProperty("settings").ValueKind, Is.EqualTo(JsonValueKind.Object));
            Assert.That(profile.GetProperty("settings").EnumerateObject().Count(), Is.Zero);
        });

    private static IEnumerable<string?> Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString());

    private static IEnumerable<string> Fields(JsonElement problem) => problem.GetProperty("errors").EnumerateObject().Select(p => p.Name);

    /// <summary>Marks a field to leave out of the body (as opposed to sending null).</summary>
    private sealed class Missing;
}
