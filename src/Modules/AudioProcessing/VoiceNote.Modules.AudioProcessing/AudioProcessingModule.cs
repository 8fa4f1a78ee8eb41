using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using VoiceNote.Application.Mapping;
using VoiceNote.Infrastructure.Jobs;
using VoiceNote.Infrastructure.Modules;
using VoiceNote.Infrastructure.Storage;
using VoiceNote.Modules.AudioProcessing.Application.Cases;
using VoiceNote.Modules.AudioProcessing.Application.Common;
using VoiceNote.Modules.AudioProcessing.Application.Exports;
using VoiceNote.Modules.AudioProcessing.Application.Library;
using VoiceNote.Modules.AudioProcessing.Application.Library.UploadAudio;
using VoiceNote.Modules.AudioProcessing.Application.Processing.AnalyseNoteText;
using VoiceNote.Modules.AudioProcessing.Application.Processing.FollowProcessing;
using VoiceNote.Modules.AudioProcessing.Application.Processing.Pipeline;
using VoiceNote.Modules.AudioProcessing.Application.Storage;
using VoiceNote.Modules.AudioProcessing.Application.Statistics;
using VoiceNote.Modules.AudioProcessing.Application.Transcripts;
using VoiceNote.Modules.AudioProcessing.Contracts;
using VoiceNote.Modules.AudioProcessing.Infrastructure.Analysis;
using VoiceNote.Modules.AudioProcessing.Infrastructure.Persistence;
using VoiceNote.Modules.AudioProcessing.Infrastructure.Storage;
using VoiceNote.Modules.AudioProcessing.Speech;

namespace VoiceNote.Modules.AudioProcessing;

/// <summary>
/// Recordings: streamed uploads with per-user dedup, storage on disk, and the processing pipeline
/// (decode, transcribe, analyse, publish to Notes). Speech and media come from the module's Speech
/// project, the text analysis from its Analysis project (docs/decisions/0050).
/// </summary>
public sealed class AudioProcessingModule : IModuleInstaller
{
    public string Name => "AudioProcessing";

    public void Install(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModule<AudioProcessingDbContext>(Name, AudioProcessingDbContext.SchemaName, typeof(AudioProcessingModule).Assembly);
        services.AddModuleMappings(Name, AudioMappings.Config);
        services.AddScoped<FileSteps>();
        services.AddScoped<IRecordingWordTimings, RecordingWordTimings>();
        services.AddScoped<RecordingKeeper>();
        services.AddScoped<RecordingReads>();
        services.AddScoped<ICaseRecordings, CaseRecordings>();
        services.AddScoped<IRecordingExports, RecordingExports>();
        services.AddScoped<IAudioStatistics, AudioStatisticsReader>();
        services.AddOptions<AudioOptions>().Bind(configuration.GetSection(AudioOptions.Section));
        services.AddAudioSettings();
        services.AddSingleton<IAudioStorage, LocalAudioStorage>();
        services.AddSingleton<StaleFileSweeper>();
        services.AddSingleton<IStoredFiles, RecordingFiles>();
        services.AddSingleton<ProgressStreams>();
        services.AddHostedService(sp => sp.GetRequiredService<StaleFileSweeper>());
        services.AddSpeech(configuration);
        services.AddAnalysis(configuration);
        services.AddScoped<TranscribeStage>();
        services.AddScoped<AnalyseStage>();
        services.AddScoped<PublishStage>();
        services.AddJobHandler<AudioProcessingDbContext, ProcessRecordingJob>(ProcessRecording.Kind);
        services.AddOptions<NoteTextOptions>().Bind(configuration.GetSection(NoteTextOptions.Section));
        services.AddJobHandler<AudioProcessingDbContext, AnalyseNoteTextJob>(AnalyseNoteText.Kind);
    }
}
