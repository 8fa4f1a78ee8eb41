using Npgsql;
using VoiceNote.IntegrationTests.Harness;

namespace VoiceNote.IntegrationTests.Notes;

/// <summary>
/// "Today", "overdue", "upcoming" and "done" are read in the user's own time zone and work days.
/// The zone is picked so that its local time is far from midnight now, and the expected boundaries
/// are computed here independently of the module's calendar.
/// </summary>
public sealed class MyTasksTests : DatabaseFixture
{
    private static readonly string[] CandidateZones =
        ["Pacific/Kiritimati", "Pacific/Auckland", "Asia/Tokyo", "Asia/Kolkata", "Europe/Berlin", "America/Sao_Paulo", "America/New_York", "America/Los_Angeles", "Pacific/Honolulu"];

    [Test]
    public async Task Task_views_follow_the_users_time_zone_and_work_days()
    {
        var account = await this.CreateAccountAsync("tasks");
        var zone = CandidateZones.Select(TimeZoneInfo.FindSystemTimeZoneById)
            .First(z => TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, z).Hour is >= 4 and <= 18);
        // Work on Mondays and Thursdays only (the profile's numbering: 1 = Sunday … 7 = Saturday).
        await SetProfileAsync(account.UserId, zone.Id, [2, 5]);
        using var client = this.ClientFor(account);

        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, zone).DateTime);
        DateTimeOffset Local(DateOnly day, int hour, int minute = 0) =>
            new(day.ToDateTime(new TimeOnly(hour, minute)), zone.GetUtcOffset(day.ToDateTime(new TimeOnly(hour, minute))));

        // The second work day after today ends the "upcoming" window when asked for workDays=2.
        var secondWorkDay = today;
        for (var seen = 0; seen < 2;)
        {
            secondWorkDay = secondWorkDay.AddDays(1);
            if (secondWorkDay.DayOfWeek is DayOfWeek.Monday or DayOfWeek.Thursday)
            {
                seen++;
            }
        }

        var note = (await client.CreateNoteAsync("Errands")).Id();
        var trashedNote = (await client.CreateNoteAsync("Trashed errands")).Id();
        async Task<Guid> TaskDue(Guid noteId, string description, DateTimeOffset? deadline) =>
            (await client.CreateTaskAsync(noteId, new { description, deadline })).Id();

        var lateYesterday = await TaskDue(note, "late yesterday", Local(today.AddDays(-1), 23, 30));
        var lastWeek = await TaskDue(note, "last week", Local(today.AddDays(-7), 9));
        var earlyToday = await TaskDue(note, "early today", Local(today, 0, 15));
        var lateToday = await TaskDue(note, "late today", Local(today, 23, 45));
        var tomorrow = await TaskDue(note, "tomorrow", Local(today.AddDays(1), 9));
        var endOfWindow = await TaskDue(note, "end of window", Local(secondWorkDay, 23));
        var afterWindow = await TaskDue(note, "after window", Local(secondWorkDay.AddDays(1), 8));
        var noDeadline = await TaskDue(note, "whenever", null);
        var done = await TaskDue(note, "done already", Local(today, 12));
        await client.PostAsync($"/api/v1/tasks/{done}/complete", null);
        var deleted = await TaskDue(note, "deleted", Local(today, 12));
        await client.DeleteAsync($"/api/v1/tasks/{deleted}");
        var ofTrashedNote = await TaskDue(trashedNote, "of a trashed note", Local(today, 12));
        await client.DeleteAsync($"/api/v1/notes/{trashedNote}");

        var todayView = await client.GetJsonAsync("/api/v1/tasks/today");
        Assert.Multiple(async () =>
        {
            // The window is the profile's day (00:15 local is today, 23:30 yesterday is not); the page counts what it holds.
            Assert.That(todayView.GetProperty("total").GetInt64(), Is.EqualTo(2));
            Assert.That(Ids(todayView), Is.EqualTo(new[] { earlyToday, lateToday }));
            Assert.That(todayView.GetProperty("items")[0].GetProperty("noteTitle").GetString(), Is.EqualTo("Errands"));
            Assert.That(Ids(await client.GetJsonAsync("/api/v1/tasks/overdue")), Is.EqualTo(new[] { lastWeek, lateYesterday }));
            Assert.That(Ids(await client.GetJsonAsync("/api/v1/tasks/upcoming?workDays=2")), Is.EqualTo(new[] { tomorrow, endOfWindow }));
            Assert.That(Ids(await client.GetJsonAsync("/api/v1/tasks/upcoming?workDays=3")), Does.Contain(afterWindow));
            Assert.That(Ids(await client.GetJsonAsync("/api/v1/tasks/done")), Is.EqualTo(new[] { done }));
        });

        var everywhere = new[] { "today", "overdue", "upcoming", "done" };
        foreach (var view in everywhere)
        {
            var ids = Ids(await client.GetJsonAsync($"/api/v1/tasks/{view}?workDays=30"));
            Assert.That(ids, Does.Not.Contain(deleted).And.Not.Contain(ofTrashedNote).And.Not.Contain(noDeadline), view);
        }
    }

    private static List<Guid> Ids(System.Text.Json.JsonElement view) =>
        view.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("task").Id()).ToList();

    private async Task SetProfileAsync(Guid userId, string timeZone, int[] workDays)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("UPDATE identity.profiles SET time_zone = @tz, work_days = @days WHERE user_id = @id", connection);
        command.Parameters.AddWithValue("tz", timeZone);
        command.Parameters.AddWithValue("days", workDays);
        command.Parameters.AddWithValue("id", userId);
        Assert.That(await command.ExecuteNonQueryAsync(), Is.EqualTo(1));
    }
}
