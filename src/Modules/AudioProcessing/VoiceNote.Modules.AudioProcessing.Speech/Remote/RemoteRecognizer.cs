using VoiceNote.Domain.Results;

namespace VoiceNote.Modules.AudioProcessing.Speech.Remote;

/// <summary>
/// What every remote recogniser shares: its engine and declared limits, and turning a PCM file or
/// stream into a bounded upload. A subclass only says how its engine wants the upload sent.
/// </summary>
internal abstract class RemoteRecognizer(EngineAccess access) : ISpeechRecognizer
{
    public string Engine => Access.Engine.Name;

    public string Language => Access.Options.DeclaredLanguage;

    public SpeechEngineLimits Limits { get; } = RemoteEngineCatalog.LimitsOf(access.Options);

    /// <summary>The engine, its options and the owner's key.</summary>
    protected EngineAccess Access { get; } = access;

    public async Task<Result<RecognizedSpeech>> RecognizeAsync(string pcmPath, CancellationToken cancellationToken = default)
    {
        var upload = PcmUpload.FromFile(pcmPath, Limits, Engine);
        return upload.IsFailure ? upload.Error : await SendAsync(upload.Value, cancellationToken).ConfigureAwait(false);
    }

    public async Task<Result<RecognizedSpeech>> RecognizeAsync(Stream pcm, CancellationToken cancellationToken = default)
    {
        var upload = await PcmUpload.FromStreamAsync(pcm, Limits, Engine, cancellationToken).ConfigureAwait(false);
        return upload.IsFailure ? upload.Error : await SendAsync(upload.Value, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends the upload in the engine's wire format and reads its answer; disposes the upload.</summary>
    protected abstract Task<Result<RecognizedSpeech>> SendAsync(PcmUpload upload, CancellationToken cancellationToken);
}
