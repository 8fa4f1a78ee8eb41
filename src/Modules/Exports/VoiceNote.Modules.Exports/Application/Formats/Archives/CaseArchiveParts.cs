using VoiceNote.Domain.Primitives;
using VoiceNote.Modules.Activity.Contracts;
using VoiceNote.Modules.Cases.Contracts;
using VoiceNote.Modules.Identity.Contracts;

namespace VoiceNote.Modules.Exports.Application.Formats.Archives;

/// <summary>What every archive writes of a case: the case with its participants by name, and its whole timeline.</summary>
internal sealed class CaseArchiveParts(IIdentityModule identity, IActivityModule activity)
{
    private const int TimelinePage = 500;

    /// <summary>A file in <paramref name="folder"/>; an empty folder is the archive's top.</summary>
    private static string In(string folder, string name) => folder.Length == 0 ? name : $"{folder}/{name}";

    public async Task AddCaseAsync(ExportArchive archive, CaseForExport @case, string folder, CancellationToken cancellationToken)
    {
        var users = await identity.GetUsersAsync(@case.Participants.Select(p => new UserId(p.UserId)).ToList(), cancellationToken);
        var names = users.ToDictionary(u => u.UserId.Value);
        await archive.AddJsonAsync(In(folder, "case.json"), new
        {
            @case.Id,
            @case.Code,
            @case.Title,
            @case.Description,
            @case.Status,
            @case.Priority,
            @case.CreatedAt,
            @case.UpdatedAt,
            @case.ClosedAt,
            Participants = @case.Participants.Select(p => new
            {
                p.UserId,
                Username = names.GetValueOrDefault(p.UserId)?.Username,
                DisplayName = names.GetValueOrDefault(p.UserId)?.DisplayName,
                p.Role,
                p.JoinedAt,
            }),
            @case.NoteIds,
            RecordingIds = @case.AudioIds,
        }, cancellationToken);

        // The timeline is read page by page into its entry; a busy case's history never sits in memory at once.
        await archive.AddAsync(In(folder, "timeline.json"), async stream =>
        {
            await using var json = new System.Text.Json.Utf8JsonWriter(stream, new System.Text.Json.JsonWriterOptions { Indented = true });
            json.WriteStartArray();
            for (ActivityPosition? after = null; ;)
            {
                var page = await activity.GetCaseTimelineAsync(@case.Id, after, TimelinePage, cancellationToken);
                foreach (var entry in page)
                {
                    System.Text.Json.JsonSerializer.Serialize(json, entry, ExportArchive.Json);
                }

                await json.FlushAsync(cancellationToken);
                if (page.Count < TimelinePage)
                {
                    break;
                }

                after = new ActivityPosition(page[^1].At, page[^1].Id);
            }

            json.WriteEndArray();
        });
    }
}
