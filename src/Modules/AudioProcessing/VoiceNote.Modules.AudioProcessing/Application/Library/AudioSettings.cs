using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VoiceNote.Application.Settings;
using VoiceNote.Modules.AudioProcessing.Infrastructure.Analysis;
using VoiceNote.Modules.AudioProcessing.Speech;

namespace VoiceNote.Modules.AudioProcessing.Application.Library;

/// <summary>The recording limits and engine defaults operators may change while the service runs (ADR 0086).</summary>
internal static class AudioSettings
{
    private const long MiB = 1L << 20;

    public static IServiceCollection AddAudioSettings(this IServiceCollection services)
    {
        Add(services, nameof(AudioOptions.MaxUploadBytes), "The largest recording one upload may send, in bytes.", o => o.MaxUploadBytes, MiB, 10240 * MiB);
        Add(services, nameof(AudioOptions.QuotaBytesPerUser), "The bytes of recordings one user may keep.", o => o.QuotaBytesPerUser, MiB, 1L << 50);
        Add(services, nameof(AudioOptions.MaxDurationSeconds), "The longest recording processed, in seconds.", o => o.MaxDurationSeconds, 60, 86_400);
        Add(services, nameof(AudioOptions.MaxPendingMinutesPerOwner), "Minutes of audio one user may have waiting for processing.", o => o.MaxPendingMinutesPerOwner, 1, 100_000);
        services.AddSetting(new SettingDefinition($"{SpeechOptions.Section}:{nameof(SpeechOptions.DefaultEngine)}", SettingKind.Choice,
            "What AUTO (an upload naming no engine) means: AUTO = a remote engine the owner has a key for, else the local one; LOCAL = always the local engine, so audio stays on this machine.",
            provider => provider.GetRequiredService<IOptionsMonitor<SpeechOptions>>().CurrentValue.DefaultEngine)
        {
            Choices = SpeechOptions.DefaultEngines,
        });
        services.AddSetting<ChatAnalysisOptions>($"{ChatAnalysisOptions.Section}:{nameof(ChatAnalysisOptions.UseLanguageModel)}", SettingKind.Boolean,
            "Whether notes are analysed by a language model the owner has a key for; false: the local rules analyse every note.", o => o.UseLanguageModel);
        return services;
    }

    private static void Add(IServiceCollection services, string name, string description, Func<AudioOptions, object> read, long min, long max) =>
        services.AddSetting($"{AudioOptions.Section}:{name}", SettingKind.Integer, description, read, min, max);
}
