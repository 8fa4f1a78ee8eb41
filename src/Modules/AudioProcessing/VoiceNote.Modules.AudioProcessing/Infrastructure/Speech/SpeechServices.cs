using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using VoiceNote.Modules.AudioProcessing.Application.Transcription;

namespace VoiceNote.Modules.AudioProcessing.Infrastructure.Speech;

internal static class SpeechServices
{
    /// <summary>
    /// The offline engine (section <c>Speech:Local</c>) as a singleton: one decoder pool per process. It is
    /// registered as itself and as an <see cref="ISpeechRecognizer"/> among the engines a job may choose from.
    /// </summary>
    public static IServiceCollection AddOfflineSpeech(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<OfflineSpeechOptions>().Bind(configuration.GetSection(OfflineSpeechOptions.Section));
        services.TryAddSingleton<PocketSphinxRecognizer>();
        services.AddSingleton<ISpeechRecognizer>(provider => provider.GetRequiredService<PocketSphinxRecognizer>());
        services.AddScoped<ISpeechEngines, SpeechEngines>();
        return services;
    }
}
