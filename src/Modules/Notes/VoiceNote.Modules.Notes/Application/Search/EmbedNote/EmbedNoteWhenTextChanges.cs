using VoiceNote.Application.IntegrationEvents;
using VoiceNote.Modules.Notes.Contracts;

namespace VoiceNote.Modules.Notes.Application.Search.EmbedNote;

/// <summary>
/// (Re)embeds a note after its text changed, in the background through the outbox, never inside the
/// request that changed it. Idempotent beyond the inbox: a note whose passages already match its text
/// and the current model is skipped, and the write only lands if the text is still the one that was
/// embedded, so a slow handler cannot overwrite a newer embedding with an older one. A provider failure
/// (or a full local queue) throws, and the outbox retries with backoff.
/// </summary>
internal sealed class EmbedNoteWhenTextChanges(NoteEmbedder embedder) : IIntegrationEventHandler<NoteTextChanged>
{
    public async Task Handle(NoteTextChanged integrationEvent, CancellationToken cancellationToken) =>
        await embedder.EmbedAsync(integrationEvent.NoteId, cancellationToken);
}
