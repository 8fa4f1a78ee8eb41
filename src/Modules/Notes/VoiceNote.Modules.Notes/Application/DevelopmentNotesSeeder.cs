using Microsoft.EntityFrameworkCore;
using VoiceNote.Infrastructure.Modules;
using VoiceNote.Infrastructure.Persistence;
using VoiceNote.Modules.Identity.Contracts;
using VoiceNote.Modules.Notes.Application.Common;
using VoiceNote.Modules.Notes.Domain;
using VoiceNote.Modules.Notes.Infrastructure.Persistence;

namespace VoiceNote.Modules.Notes.Application;

/// <summary>
/// Sample notes and tasks for the development user (seed 000), after Identity's seeder made the account. The seed
/// verb runs only in Development; a second run adds nothing.
/// </summary>
internal sealed class DevelopmentNotesSeeder(IIdentityModule identity, NotesDbContext db, TimeProvider clock) : IDevelopmentSeeder
{
    public const string UserEmail = "user@voicenote.local";

    private static readonly (string Title, string Summary, (string Task, int DueInDays)[] Tasks)[] Samples =
    [
        ("Dentist and groceries", "Call the dentist tomorrow afternoon to move the check-up; buy milk and bread on the way home.",
            [("Call the dentist", 1), ("Buy milk and bread", 0)]),
        ("Project kick-off", "Kick-off with the design team: agree the scope by Friday, send the budget draft to Maria next week.",
            [("Agree the scope with the design team", 3), ("Send the budget draft to Maria", 7)]),
        ("Ideas for the garden", "Plant tomatoes in May, move the compost bin behind the shed, ask the neighbour about the fence.", []),
    ];

    public int Order => 10;

    public async Task<IReadOnlyList<string>> SeedAsync(CancellationToken cancellationToken)
    {
        if (await identity.FindUserAsync(UserEmail, cancellationToken) is not { } user)
        {
            return [$"Sample notes skipped: no {UserEmail} account."];
        }

        var titles = Samples.Select(s => s.Title).ToList();
        var existing = await db.Notes.IgnoreQueryFilters([ModuleDbContext.OwnerFilter])
            .Where(n => n.OwnerId == user.UserId && titles.Contains(n.Title!)).Select(n => n.Title).ToListAsync(cancellationToken);
        var now = clock.NowForDatabase();
        var added = 0;
        foreach (var (title, summary, tasks) in Samples.Where(s => !existing.Contains(s.Title)))
        {
            var note = Note.Create(user.UserId, now);
            note.Title = title;
            note.Summary = summary;
            db.Notes.Add(note);
            foreach (var ((description, dueInDays), position) in tasks.Select((t, i) => (t, i)))
            {
                var task = NoteTask.Create(note, description, position, now);
                task.Deadline = new DateTimeOffset(now.UtcDateTime.Date.AddDays(dueInDays).AddHours(17), TimeSpan.Zero);
                note.Tasks.Add(task);
            }

            NoteWriter.AfterOwnerTextChange(db, note, new NoteAnalysisOptions { AnalyseText = false }, now);
            added++;
        }

        await db.SaveChangesAsync(cancellationToken);
        return [added == 0 ? "Sample notes already there." : $"Seeded {added} sample notes with tasks for {UserEmail}."];
    }
}
