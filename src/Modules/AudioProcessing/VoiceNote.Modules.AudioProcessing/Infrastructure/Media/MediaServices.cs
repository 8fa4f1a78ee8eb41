using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using VoiceNote.Modules.AudioProcessing.Application.Transcription;

namespace VoiceNote.Modules.AudioProcessing.Infrastructure.Media;

internal static class MediaServices
{
    /// <summary>Probing, decoding and splitting through ffprobe/ffmpeg (section <c>Media</c>); for the module's installer.</summary>
    public static IServiceCollection AddAudioMedia(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MediaOptions>().Bind(configuration.GetSection(MediaOptions.Section));
        services.AddSingleton<ExternalProcessRunner>();
        services.AddSingleton<IMediaProbe, FfprobeMediaProbe>();
        services.AddSingleton<IAudioDecoder, FfmpegAudioDecoder>();
        services.AddSingleton<IAudioSplitter, PcmAudioSplitter>();
        services.AddSingleton<ChunkedTranscriber>();
        return services;
    }
}
