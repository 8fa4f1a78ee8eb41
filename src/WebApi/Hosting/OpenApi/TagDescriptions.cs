using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace VoiceNote.WebApi.Hosting;

/// <summary>
/// What each group of operations is for, shown by documentation tools and generators beside the tag.
/// A tag an endpoint uses without a description here fails <c>OpenApiDocumentTests</c>.
/// </summary>
internal sealed class TagDescriptions : IOpenApiDocumentTransformer
{
    private static readonly Dictionary<string, string> Descriptions = new(StringComparer.Ordinal)
    {
        ["Accounts"] = "Register, sign in with a password, refresh tokens, sessions, and the account itself.",
        ["Profile"] = "The signed-in user's profile: role, AI context, work hours, time zone and language.",
        ["OAuth clients"] = "Applications a user registers to call the API for them (OAuth 2.0 clients).",
        ["API keys"] = "The user's own keys for remote speech and language engines; write-only.",
        ["Notes"] = "Notes: transcripts, summaries, priorities, status, the trash, and their change events.",
        ["Tasks"] = "Tasks pulled out of notes or written by hand, and the today/overdue/upcoming/done views.",
        ["Search"] = "Find notes by words, by meaning, or both.",
        ["Audio"] = "Upload, list, play and delete recordings.",
        ["Audio processing"] = "Transcription and analysis of a recording: status, progress events, reprocessing, transcript versions.",
        ["Cases"] = "Cases: matters several people work on, with codes, statuses, priorities and participants with roles.",
        ["Exports"] = "Exports: files written from a note, a recording, a case or the whole account (PDF, Markdown, subtitles, text, JSON, Word, zip), as jobs with progress, kept for a day.",
        ["Admin"] = "Operators: users, permissions, note moderation, jobs and the audit trail (admin permissions required).",
    };

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var tag in document.Tags ?? Enumerable.Empty<OpenApiTag>())
        {
            if (tag.Name is { } name && Descriptions.TryGetValue(name, out var description))
            {
                tag.Description = description;
            }
        }

        return Task.CompletedTask;
    }
}
