using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using VoiceNote.Infrastructure.Outbound;
using VoiceNote.Modules.AudioProcessing.Speech.Media;
using VoiceNote.Modules.AudioProcessing.Speech.PocketSphinx;
using VoiceNote.Modules.AudioProcessing.Speech.Remote;

namespace VoiceNote.Modules.AudioProcessing.Speech;

/// <summary>What the module's installer registers from this project (sections <c>Media</c> and <c>Speech:*</c>).</summary>
internal static class SpeechServices
{
    /// <summary>Media tools, the offline engine and the remote engines, with the per-owner choice between them.</summary>
    public static IServiceCollection AddSpeech(this IServiceCollection services, IConfiguration configuration) =>
        services.AddAudioMedia(configuration).AddOfflineSpeech(configuration).AddRemoteSpeech(configuration);

    /// <summary>Probing, decoding and splitting through ffprobe/ffmpeg (section <c>Media</c>), and chunked transcription on top.</summary>
    public static IServiceCollection AddAudioMedia(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MediaOptions>().Bind(configuration.GetSection(MediaOptions.Section));
        services.AddOptions<SpeechOptions>().Bind(configuration.GetSection(SpeechOptions.Section));
        services.AddSingleton<ExternalProcessRunner>();
        services.AddSingleton<IMediaProbe, FfprobeMediaProbe>();
        services.AddSingleton<IAudioDecoder, FfmpegAudioDecoder>();
        services.AddSingleton<IAudioSplitter, PcmAudioSplitter>();
        services.AddSingleton<ChunkedTranscriber>();
        return services;
    }

    /// <summary>
    /// The offline engine (section <c>Speech:Local</c>) as a singleton: one decoder pool per process. It is
    /// registered as itself and as an <see cref="ISpeechRecognizer"/> among the engines a job may choose from.
    /// </summary>
    public static IServiceCollection AddOfflineSpeech(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<OfflineSpeechOptions>().Bind(configuration.GetSection(OfflineSpeechOptions.Section));
        services.TryAddSingleton<PocketSphinxRecognizer>();
        services.AddSingleton<ISpeechRecognizer>(provider => provider.GetRequiredService<PocketSphinxRecognizer>());
        return services;
    }

    /// <summary>
    /// The remote engines (sections <c>Speech:Deepgram</c>, <c>Speech:OpenAi</c>, <c>Speech:Groq</c>,
    /// <c>Speech:OpenAiCompatible</c>) and <see cref="ISpeechEngines"/>, which needs the Identity module for
    /// owners' keys. Calls go through the outbound clients (<see cref="OutboundHttp"/>, section <c>Engines</c>):
    /// no redirects, no header values in HttpClient's logs, answers read to a limit, and no client-wide timeout
    /// (each call has the engine's own, <see cref="RemoteEngineOptions.Timeout"/>); an owner's own server only
    /// through the guarded one (docs/decisions/0065).
    /// </summary>
    public static IServiceCollection AddRemoteSpeech(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOutboundHttp(configuration);
        foreach (var engine in RemoteEngineCatalog.All)
        {
            services.AddOptions<RemoteEngineOptions>(engine.Name).Configure(engine.Defaults).Bind(configuration.GetSection(engine.Section));
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<RemoteRecognizers>();
        services.AddScoped<ISpeechEngines, SpeechEngines>();
        return services;
    }
}
