using Microsoft.Extensions.Options;
using VoiceNote.Domain.Primitives;
using VoiceNote.Domain.Results;
using VoiceNote.Modules.AudioProcessing.Speech.Engines;
using VoiceNote.Modules.AudioProcessing.Speech.PocketSphinx;
using VoiceNote.Modules.AudioProcessing.Speech.Remote;
using VoiceNote.Modules.Identity.Contracts;

namespace VoiceNote.Modules.AudioProcessing.Speech;

/// <summary>
/// Picks the recogniser for one owner's job (ADR 0041). Auto takes the first engine in
/// <see cref="RemoteEngineCatalog.All"/> the owner stored a key for, else the offline engine — or always the offline
/// engine when the operator's default is LOCAL (Speech:DefaultEngine, ADR 0086); an explicit remote
/// choice without a key is <c>engine.no_key</c>. Keys are only ever the owner's own, read per job.
/// </summary>
internal sealed class SpeechEngines(IIdentityModule identity, RemoteRecognizers remote, PocketSphinxRecognizer local, IOptionsMonitor<SpeechOptions> options) : ISpeechEngines
{
    public ISpeechRecognizer Local => local;

    public async Task<Result<ISpeechRecognizer>> ForOwnerAsync(UserId ownerId, SpeechEngineChoice choice, CancellationToken cancellationToken)
    {
        switch (choice)
        {
            case SpeechEngineChoice.Local:
            case SpeechEngineChoice.Auto when options.CurrentValue.KeepsAudioLocal:
                return local;
            case SpeechEngineChoice.Auto:
                foreach (var engine in RemoteEngineCatalog.All)
                {
                    if (await ForKeyAsync(ownerId, engine, cancellationToken) is { } best)
                    {
                        return Result<ISpeechRecognizer>.Success(best);
                    }
                }

                return local;
            default:
                var chosen = RemoteEngineCatalog.For(choice);
                return await ForKeyAsync(ownerId, chosen, cancellationToken) is { } recognizer
                    ? Result<ISpeechRecognizer>.Success(recognizer)
                    : EngineFailures.NoKey(chosen.Name);
        }
    }

    private async Task<ISpeechRecognizer?> ForKeyAsync(UserId ownerId, RemoteEngine engine, CancellationToken cancellationToken) =>
        await identity.GetProviderCredentialAsync(ownerId, engine.Provider, cancellationToken) is { } credential
            ? remote.Create(engine, credential)
            : null;
}
