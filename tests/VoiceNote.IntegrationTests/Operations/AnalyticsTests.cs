using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using VoiceNote.Application.Security;
using VoiceNote.IntegrationTests.Harness;
using VoiceNote.IntegrationTests.Notes;

namespace VoiceNote.IntegrationTests.Operations;

/// <summary>
/// The operators' analytics (issue 16, docs/decisions/0087): data spread over several days is written straight into
/// the modules' tables (inserts, updates to the trash, the archive and job outcomes, deletes) and through the API, and
/// every figure the endpoint answers is checked against a count made here over those base tables, never the rollups.
/// </summary>
public sealed class AnalyticsTests : DatabaseFixture
{
    private const string Route = "/api/v1/admin/analytics";

    private readonly FakeClock _clock = new(DateTimeOffset.UtcNow);

    // No workers: they would claim the generated jobs, and their purge would remove the finished ones; no dispatcher:
    // a note's events would add jobs while the figures are counted.
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Jobs:Enabled"] = "false",
        ["Outbox:Enabled"] = "false",
    };

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(_clock);

    private DateTimeOffset Now => _clock.GetUtcNow();

    private DateOnly Today => DateOnly.FromDateTime(Now.UtcDateTime);

    [Test]
    public async Task Every_figure_matches_a_count_over_the_base_tables()
    {
        var admin = await this.CreateAccountAsync("analyst");
        await this.GrantAdminAsync(admin, AdminPermissions.CanViewAnalytics);
        var writer = await this.CreateAccountAsync("writer");
        var reader = await this.CreateAccountAsync("reader");
        var gone = await this.CreateAccountAsync("gone");
        using var writerClient = this.ClientFor(writer);
        await writerClient.CreateNoteAsync("Through the API");
        var trashed = (await writerClient.CreateNoteAsync("Through the API, then the trash")).Id();
        Assert.That((int)(await writerClient.DeleteAsync($"/api/v1/notes/{trashed}")).StatusCode, Is.EqualTo(204));

        await GenerateAsync(writer.UserId, reader.UserId, gone.UserId);

        var from = Today.AddDays(-9);
        using var client = this.ClientFor(admin);
        var response = await client.GetAsync($"{Route}?from={from:yyyy-MM-dd}&to={Today:yyyy-MM-dd}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
        var figures = JsonDocument.Parse(body).RootElement;

        var days = Enumerable.Range(0, 10).Select(i => from.AddDays(i)).ToList();
        var users = figures.GetProperty("users");
        var notes = figures.GetProperty("notes");
        var tasks = figures.GetProperty("tasks");
        var audio = figures.GetProperty("audio");
        var jobs = figures.GetProperty("jobs");
        var exports = figures.GetProperty("exports");

        var newUsers = await PerDayAsync("SELECT (created_at AT TIME ZONE 'UTC')::date, count(*) FROM identity.users GROUP BY 1");
        var createdNotes = await PerDayAsync("SELECT (created_at AT TIME ZONE 'UTC')::date, count(*) FROM notes.notes GROUP BY 1");
        var createdTasks = await PerDayAsync("SELECT (created_at AT TIME ZONE 'UTC')::date, count(*) FROM notes.tasks GROUP BY 1");
        var uploaded = await PerDayAsync("SELECT (created_at AT TIME ZONE 'UTC')::date, sum(extract(epoch FROM duration) * 1000)::bigint FROM audio.audio_files GROUP BY 1");
        var processed = await PerDayAsync("SELECT (created_at AT TIME ZONE 'UTC')::date, sum(extract(epoch FROM duration) * 1000)::bigint FROM audio.transcripts GROUP BY 1");
        var requested = await PerDayAsync("SELECT (created_at AT TIME ZONE 'UTC')::date, count(*) FROM exports.exports GROUP BY 1");
        var finished = await NamedAsync("""
            SELECT status, count(*) FROM (SELECT status, finished_at FROM audio.jobs UNION ALL SELECT status, finished_at FROM exports.jobs) j
            WHERE (finished_at AT TIME ZONE 'UTC')::date BETWEEN @from AND @to GROUP BY 1
            """, from);

        await Assert.MultipleAsync(async () =>
        {
            Assert.That(figures.GetProperty("from").GetString(), Is.EqualTo($"{from:yyyy-MM-dd}"));
            Assert.That(figures.GetProperty("to").GetString(), Is.EqualTo($"{Today:yyyy-MM-dd}"));

            Assert.That(users.GetProperty("total").GetInt64(), Is.EqualTo(await CountAsync("SELECT count(*) FROM identity.users WHERE NOT is_deleted")));
            Assert.That(users.GetProperty("total").GetInt64(), Is.LessThan(await CountAsync("SELECT count(*) FROM identity.users")), "the deleted account is left out");
            foreach (var (name, span) in new[] { ("activeLastDay", 1), ("activeLast7Days", 7), ("activeLast30Days", 30) })
            {
                Assert.That(users.GetProperty(name).GetInt64(), Is.EqualTo(await CountAsync(
                    $"SELECT count(DISTINCT user_id) FROM identity.sessions WHERE last_used_at >= @now - interval '{span} days'")), name);
            }

            Assert.That(users.GetProperty("activeLast30Days").GetInt64(), Is.GreaterThan(users.GetProperty("activeLastDay").GetInt64()));
            AssertSeries(users.GetProperty("newPerDay"), days, newUsers, "users.newPerDay");
            Assert.That(users.GetProperty("newInRange").GetInt64(), Is.EqualTo(days.Sum(d => newUsers.GetValueOrDefault(d))));

            Assert.That(notes.GetProperty("total").GetInt64(), Is.EqualTo(await CountAsync("SELECT count(*) FROM notes.notes WHERE NOT is_deleted")));
            Assert.That(notes.GetProperty("inTrash").GetInt64(), Is.EqualTo(await CountAsync("SELECT count(*) FROM notes.notes WHERE is_deleted")));
            AssertSeries(notes.GetProperty("createdPerDay"), days, createdNotes, "notes.createdPerDay");
            Assert.That(notes.GetProperty("createdInRange").GetInt64(), Is.EqualTo(days.Sum(d => createdNotes.GetValueOrDefault(d))));
            Assert.That(notes.GetProperty("createdInRange").GetInt64(), Is.LessThan(await CountAsync("SELECT count(*) FROM notes.notes")), "older notes are outside the range");

            Assert.That(tasks.GetProperty("total").GetInt64(), Is.EqualTo(await CountAsync("SELECT count(*) FROM notes.tasks WHERE NOT is_deleted")));
            AssertSeries(tasks.GetProperty("createdPerDay"), days, createdTasks, "tasks.createdPerDay");

            Assert.That(audio.GetProperty("recordings").GetInt64(), Is.EqualTo(await CountAsync("SELECT count(*) FROM audio.audio_files")));
            Assert.That(audio.GetProperty("uploadedHours").GetDouble(),
                Is.EqualTo(await CountAsync("SELECT (sum(extract(epoch FROM duration) * 1000))::bigint FROM audio.audio_files") / 3_600_000d).Within(1e-6));
            Assert.That(audio.GetProperty("processedHours").GetDouble(),
                Is.EqualTo(await CountAsync("SELECT (sum(extract(epoch FROM duration) * 1000))::bigint FROM audio.transcripts") / 3_600_000d).Within(1e-6));
            AssertHours(audio.GetProperty("uploadedPerDay"), days, uploaded, "audio.uploadedPerDay");
            AssertHours(audio.GetProperty("processedPerDay"), days, processed, "audio.processedPerDay");
            Assert.That(audio.GetProperty("processedHoursInRange").GetDouble(), Is.EqualTo(days.Sum(d => processed.GetValueOrDefault(d)) / 3_600_000d).Within(1e-6));

            var current = await NamedAsync("""
                SELECT 'audio|' || kind || '|' || lower(status) || '|' || coalesce(stage, '-'), count(*) FROM audio.jobs GROUP BY 1
                UNION ALL SELECT 'exports|' || kind || '|' || lower(status) || '|' || coalesce(stage, '-'), count(*) FROM exports.jobs GROUP BY 1
                """, from);
            Assert.That(
                jobs.GetProperty("current").EnumerateArray().ToDictionary(
                    j => $"{j.GetProperty("module").GetString()}|{j.GetProperty("kind").GetString()}|{j.GetProperty("status").GetString()!.ToLowerInvariant()}|{(j.GetProperty("stage").ValueKind == JsonValueKind.Null ? "-" : j.GetProperty("stage").GetString())}",
                    j => j.GetProperty("count").GetInt64()),
                Is.EquivalentTo(current));
            var completed = finished.GetValueOrDefault("Completed");
            var failed = finished.GetValueOrDefault("Failed");
            Assert.That(jobs.GetProperty("completed").GetInt64(), Is.EqualTo(completed));
            Assert.That(jobs.GetProperty("failed").GetInt64(), Is.EqualTo(failed));
            Assert.That(jobs.GetProperty("cancelled").GetInt64(), Is.EqualTo(finished.GetValueOrDefault("Cancelled")));
            Assert.That(failed, Is.GreaterThan(0));
            Assert.That(jobs.GetProperty("failureRate").GetDouble(), Is.EqualTo((double)failed / (completed + failed)).Within(1e-9));
            var reasons = await NamedAsync("""
                SELECT m || '|' || error, count(*) FROM (SELECT 'audio' AS m, error, status, finished_at FROM audio.jobs
                    UNION ALL SELECT 'exports', error, status, finished_at FROM exports.jobs) j
                WHERE status = 'Failed' AND (finished_at AT TIME ZONE 'UTC')::date BETWEEN @from AND @to GROUP BY 1
                """, from);
            Assert.That(
                jobs.GetProperty("topFailureReasons").EnumerateArray().ToDictionary(r => $"{r.GetProperty("module").GetString()}|{r.GetProperty("reason").GetString()}", r => r.GetProperty("count").GetInt64()),
                Is.EquivalentTo(reasons));
            Assert.That(jobs.GetProperty("topFailureReasons")[0].GetProperty("count").GetInt64(), Is.EqualTo(reasons.Values.Max()), "the most frequent first");

            var engines = await NamedAsync("""
                SELECT 'speech|' || engine, count(*) FROM audio.transcripts WHERE (created_at AT TIME ZONE 'UTC')::date BETWEEN @from AND @to GROUP BY 1
                UNION ALL SELECT 'analysis|' || engine, count(*) FROM audio.analyses WHERE (created_at AT TIME ZONE 'UTC')::date BETWEEN @from AND @to GROUP BY 1
                """, from);
            Assert.That(
                figures.GetProperty("engines").EnumerateArray().ToDictionary(e => $"{e.GetProperty("kind").GetString()}|{e.GetProperty("engine").GetString()}", e => e.GetProperty("uses").GetInt64()),
                Is.EquivalentTo(engines));

            var storage = figures.GetProperty("storage").EnumerateArray().ToDictionary(s => s.GetProperty("area").GetString()!, s => s.GetProperty("bytes").GetInt64());
            Assert.That(storage["originals"], Is.EqualTo(await CountAsync("SELECT coalesce(sum(size_bytes), 0)::bigint FROM audio.audio_files WHERE NOT is_archived")));
            Assert.That(storage["archive"], Is.EqualTo(await CountAsync("SELECT coalesce(sum(size_bytes), 0)::bigint FROM audio.audio_files WHERE is_archived")));
            Assert.That(storage["exports"], Is.EqualTo(await CountAsync("SELECT coalesce(sum(size_bytes), 0)::bigint FROM exports.exports WHERE storage_key IS NOT NULL")));
            Assert.That(storage["archive"], Is.GreaterThan(0));

            AssertSeries(exports.GetProperty("requestedPerDay"), days, requested, "exports.requestedPerDay");
            Assert.That(
                exports.GetProperty("byFormat").EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!, f => f.GetProperty("value").GetInt64()),
                Is.EquivalentTo(await NamedAsync("SELECT format, count(*) FROM exports.exports WHERE (created_at AT TIME ZONE 'UTC')::date BETWEEN @from AND @to GROUP BY 1", from)));
        });
    }

    [Test]
    public async Task Without_the_range_the_last_30_days_are_answered_and_a_change_moves_the_figures_at_once()
    {
        var admin = await this.CreateAccountAsync("analyst_default");
        await this.GrantAdminAsync(admin, AdminPermissions.CanViewAnalytics);
        using var client = this.ClientFor(admin);
        var before = await FiguresAsync(client, Route);
        Assert.That(before.GetProperty("users").GetProperty("newPerDay").GetArrayLength(), Is.EqualTo(30));
        Assert.That(before.GetProperty("to").GetString(), Is.EqualTo($"{Today:yyyy-MM-dd}"));

        using var writerClient = this.ClientFor(await this.CreateAccountAsync("writer_default"));
        var note = (await writerClient.CreateNoteAsync("Counted at once")).Id();
        var after = await FiguresAsync(client, Route);
        Assert.That(after.GetProperty("notes").GetProperty("total").GetInt64(), Is.EqualTo(before.GetProperty("notes").GetProperty("total").GetInt64() + 1));
        Assert.That(after.GetProperty("users").GetProperty("total").GetInt64(), Is.EqualTo(before.GetProperty("users").GetProperty("total").GetInt64() + 1));

        Assert.That((int)(await writerClient.DeleteAsync($"/api/v1/notes/{note}")).StatusCode, Is.EqualTo(204));
        var trashed = await FiguresAsync(client, Route);
        Assert.Multiple(() =>
        {
            Assert.That(trashed.GetProperty("notes").GetProperty("total").GetInt64(), Is.EqualTo(before.GetProperty("notes").GetProperty("total").GetInt64()));
            Assert.That(trashed.GetProperty("notes").GetProperty("inTrash").GetInt64(), Is.EqualTo(before.GetProperty("notes").GetProperty("inTrash").GetInt64() + 1));
        });
    }

    [Test]
    public async Task Bad_ranges_are_refused_with_a_problem()
    {
        var admin = await this.CreateAccountAsync("analyst_ranges");
        await this.GrantAdminAsync(admin, AdminPermissions.CanViewAnalytics);
        using var client = this.ClientFor(admin);

        await (await client.GetAsync($"{Route}?from=2026-02-10&to=2026-02-01")).AssertProblem(HttpStatusCode.BadRequest, "operations.invalid_range");
        await (await client.GetAsync($"{Route}?from=2024-01-01&to=2025-01-02")).AssertProblem(HttpStatusCode.BadRequest, "operations.invalid_range");
        await (await client.GetAsync($"{Route}?from=yesterday")).AssertProblem(HttpStatusCode.BadRequest, "operations.invalid_date");
        await (await client.GetAsync($"{Route}?to=2026-13-01")).AssertProblem(HttpStatusCode.BadRequest, "operations.invalid_date");
        await (await client.GetAsync($"{Route}?from={Today.AddDays(1):yyyy-MM-dd}")).AssertProblem(HttpStatusCode.BadRequest, "operations.invalid_range");
        var longest = await FiguresAsync(client, $"{Route}?from=2024-01-01&to=2024-12-31");
        Assert.That(longest.GetProperty("notes").GetProperty("createdPerDay").GetArrayLength(), Is.EqualTo(366));
    }

    [Test]
    public async Task Those_without_the_permission_get_what_other_admin_routes_answer_them()
    {
        var user = await this.CreateAccountAsync("not_analyst");
        using var client = this.ClientFor(user);
        var other = await client.GetAsync("/api/v1/admin/users");
        var analytics = await client.GetAsync(Route);
        Assert.That(analytics.StatusCode, Is.EqualTo(other.StatusCode));
        Assert.That(analytics.StatusCode, Is.AnyOf(HttpStatusCode.Forbidden, HttpStatusCode.NotFound));

        var moderator = await this.CreateAccountAsync("moderator_only");
        await this.GrantAdminAsync(moderator, AdminPermissions.CanModerateContent);
        using var moderatorClient = this.ClientFor(moderator);
        Assert.That((int)(await moderatorClient.GetAsync(Route)).StatusCode, Is.AnyOf(403, 404));
        Assert.That((int)(await AnonymousClient.GetAsync(Route)).StatusCode, Is.EqualTo(401));
    }

    private static async Task<JsonElement> FiguresAsync(HttpClient client, string uri)
    {
        var response = await client.GetAsync(uri);
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
        return JsonDocument.Parse(body).RootElement;
    }

    private static void AssertSeries(JsonElement series, List<DateOnly> days, Dictionary<DateOnly, long> expected, string name) =>
        Assert.That(
            series.EnumerateArray().Select(d => (d.GetProperty("day").GetString(), d.GetProperty("value").GetInt64())).ToList(),
            Is.EqualTo(days.Select(d => ($"{d:yyyy-MM-dd}", expected.GetValueOrDefault(d))).ToList()),
            name);

    private static void AssertHours(JsonElement series, List<DateOnly> days, Dictionary<DateOnly, long> expectedMilliseconds, string name)
    {
        var answered = series.EnumerateArray().ToList();
        Assert.That(answered.Select(d => d.GetProperty("day").GetString()), Is.EqualTo(days.Select(d => $"{d:yyyy-MM-dd}")), name);
        for (var i = 0; i < days.Count; i++)
        {
            Assert.That(answered[i].GetProperty("hours").GetDouble(), Is.EqualTo(expectedMilliseconds.GetValueOrDefault(days[i]) / 3_600_000d).Within(1e-9), $"{name} {days[i]}");
        }
    }

    /// <summary>
    /// Rows on the last 13 days (so some fall outside a 10-day range): notes, tasks, recordings, transcriptions and
    /// analyses, jobs that finish or fail with reasons, exports; then updates (trash, archive, deleted tasks, a
    /// deleted account, job outcomes) and a hard delete, so the rollups see every kind of change.
    /// </summary>
    private async Task GenerateAsync(Guid writer, Guid reader, Guid gone)
    {
        await ExecuteAsync("""
            UPDATE identity.users SET created_at = @now - interval '3 days' WHERE id = @reader;
            UPDATE identity.users SET created_at = @now - interval '12 days', is_deleted = true, deleted_at = @now WHERE id = @gone;
            UPDATE identity.sessions SET last_used_at = @now - interval '3 days' WHERE user_id = @reader;
            UPDATE identity.sessions SET last_used_at = @now - interval '20 days' WHERE user_id = @gone;

            INSERT INTO notes.notes (id, owner_id, recorded_at, priority, status, is_pinned, is_liked, is_archived, is_encrypted, is_deleted,
                document_urls, links, key_moments, moderation_status, created_at, updated_at, search_transcripts, content_hash)
            SELECT gen_random_uuid(), CASE WHEN i % 3 = 0 THEN @reader ELSE @writer END, t, 1, 0, false, false, false, false, false,
                '{}', '{}', '[]', 0, t, t, '', 'generated'
            FROM generate_series(1, 80) i, LATERAL (SELECT @now - (i % 13) * interval '1 day' - (i % 7) * interval '37 minutes' AS t) s;
            UPDATE notes.notes SET is_deleted = true, deleted_at = @now WHERE content_hash = 'generated' AND recorded_at < @now - interval '4 days'
                AND id IN (SELECT id FROM notes.notes WHERE content_hash = 'generated' ORDER BY id LIMIT 9);
            DELETE FROM notes.notes WHERE id IN (SELECT id FROM notes.notes WHERE content_hash = 'generated' ORDER BY id DESC LIMIT 5);

            INSERT INTO notes.tasks (id, note_id, owner_id, description, is_done, priority, is_deleted, created_at, updated_at, reminder_count,
                notification_enabled, assigned_entities, image_urls, document_urls, external_links, is_action_approved, position)
            SELECT gen_random_uuid(), n.id, n.owner_id, 'Generated task', false, 1, false, n.created_at + k * interval '50 minutes', n.created_at,
                0, false, '[]', '{}', '{}', '{}', false, k
            FROM notes.notes n, generate_series(0, 2) k WHERE n.content_hash = 'generated';
            UPDATE notes.tasks SET is_deleted = true, deleted_at = @now WHERE id IN (SELECT id FROM notes.tasks ORDER BY id LIMIT 7);

            INSERT INTO audio.audio_files (id, owner_id, format, codec, size_bytes, duration, sha256, storage_key, status, recorded_at,
                is_archived, created_at, updated_at)
            SELECT gen_random_uuid(), @writer, 'wav', 'pcm_s16le', 100000 + i * 7919, (30 + i * 17.25) * interval '1 second',
                encode(sha256(('analytics' || i)::bytea), 'hex'), 'owners/generated/' || i || '.wav', 0, t, false, t, t
            FROM generate_series(1, 14) i, LATERAL (SELECT @now - (i % 12) * interval '1 day' - interval '2 hours' AS t) s;
            UPDATE audio.audio_files SET is_archived = true WHERE id IN (SELECT id FROM audio.audio_files ORDER BY id LIMIT 4);

            INSERT INTO audio.transcripts (id, audio_id, owner_id, job_id, version, engine, language, text, words, duration, created_at)
            SELECT gen_random_uuid(), a.id, a.owner_id, gen_random_uuid(), v,
                (ARRAY['pocketsphinx', 'deepgram:nova-2', 'openai:whisper-1'])[1 + (row_number() OVER (ORDER BY a.id, v))::int % 3],
                'en', 'text', '[]', a.duration, a.created_at + v * interval '10 minutes'
            FROM (SELECT * FROM audio.audio_files ORDER BY id LIMIT 11) a, generate_series(1, 2) v
            WHERE v = 1 OR a.size_bytes % 2 = 0;
            INSERT INTO audio.analyses (id, audio_id, owner_id, job_id, transcript_id, engine, language, result, created_at)
            SELECT gen_random_uuid(), t.audio_id, t.owner_id, gen_random_uuid(), t.id,
                CASE WHEN t.version = 1 THEN 'local' ELSE 'openai:gpt-4o-mini' END, 'en', '{}', t.created_at + interval '1 minute'
            FROM audio.transcripts t;

            INSERT INTO audio.jobs (id, kind, owner_id, payload, status, stage, progress, attempts, max_attempts, run_after, cancel_requested, created_at, updated_at)
            SELECT gen_random_uuid(), 'audio.process', @writer, jsonb_build_object('n', i), 'Processing', 'transcribe', 10, 1, 3,
                @now - (i % 11) * interval '1 day', false, @now - (i % 11) * interval '1 day', @now - (i % 11) * interval '1 day'
            FROM generate_series(1, 16) i;
            UPDATE audio.jobs SET status = 'Completed', stage = 'publish', finished_at = created_at + interval '5 minutes' WHERE (payload->>'n')::int <= 8;
            UPDATE audio.jobs SET status = 'Failed', finished_at = created_at + interval '5 minutes',
                error = CASE WHEN (payload->>'n')::int % 3 = 0 THEN 'The speech engine refused the key (401).' ELSE 'ffmpeg could not decode the file.' END
                WHERE (payload->>'n')::int BETWEEN 9 AND 13;
            UPDATE audio.jobs SET status = 'Cancelled', finished_at = created_at + interval '1 minute', error = 'Cancelled by request.' WHERE (payload->>'n')::int = 14;
            UPDATE audio.jobs SET status = 'Pending', stage = NULL WHERE (payload->>'n')::int = 15;

            INSERT INTO exports.exports (id, owner_id, format, source, storage_key, size_bytes, created_at, completed_at, outcome, expires_at)
            SELECT gen_random_uuid(), @writer, (ARRAY['txt', 'pdf', 'account'])[1 + i % 3], 'NOTE',
                CASE WHEN i % 4 = 0 THEN NULL ELSE 'exports/generated/' || i END, CASE WHEN i % 4 = 0 THEN NULL ELSE 1000 * i END,
                @now - (i % 12) * interval '1 day', @now, 'succeeded', @now + interval '1 day'
            FROM generate_series(1, 10) i;
            INSERT INTO exports.jobs (id, kind, owner_id, payload, status, progress, attempts, max_attempts, run_after, cancel_requested, created_at, updated_at, finished_at, error)
            SELECT gen_random_uuid(), 'exports.write', @writer, '{}', CASE WHEN i = 3 THEN 'Failed' ELSE 'Completed' END, 100, 1, 3,
                @now - i * interval '1 day', false, @now - i * interval '1 day', @now, @now - i * interval '1 day', CASE WHEN i = 3 THEN 'The note is gone.' END
            FROM generate_series(1, 3) i;
            """, ("writer", writer), ("reader", reader), ("gone", gone));
    }

    private async Task ExecuteAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("now", Now);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync();
    }

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("now", Now);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    private async Task<Dictionary<DateOnly, long>> PerDayAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        var rows = new Dictionary<DateOnly, long>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows[reader.GetFieldValue<DateOnly>(0)] = reader.GetInt64(1);
        }

        return rows;
    }

    private async Task<Dictionary<string, long>> NamedAsync(string sql, DateOnly from)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("from", from);
        command.Parameters.AddWithValue("to", Today);
        var rows = new Dictionary<string, long>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows[reader.GetString(0)] = reader.GetInt64(1);
        }

        return rows;
    }
}
