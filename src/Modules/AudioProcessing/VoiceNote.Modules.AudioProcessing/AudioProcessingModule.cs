using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Configuration;
using VoiceNote.Infrastructure.Jobs;
using VoiceNote.Infrastructure.Modules;
using VoiceNote.Modules.AudioProcessing.Analysis;
using VoiceNote.Modules.AudioProcessing.Application.Library;
using VoiceNote.Modules.AudioProcessing.Application.Library.Files;
using VoiceNote.Modules.AudioProcessing.Application.Library.UploadAudio;
using VoiceNote.Modules.AudioProcessing.Application.Processing.Admin;
using VoiceNote.Modules.AudioProcessing.Application.Processing.Control;
using VoiceNote.Modules.AudioProcessing.Application.Processing.Pipeline;
using VoiceNote.Modules.AudioProcessing.Application.Processing.Status;
using VoiceNote.Modules.AudioProcessing.Application.Processing.Transcripts;
using VoiceNote.Modules.AudioProcessing.Application.Storage;
using VoiceNote.Modules.AudioProcessing.Infrastructure.Analysis;
using VoiceNote.Modules.AudioProcessing.Infrastructure.Persistence;
using VoiceNote.Modules.AudioProcessing.Speech;
using VoiceNote.Modules.AudioProcessing.Infrastructure.Storage;

namespace VoiceNote.Modules.AudioProcessing;

/// <summary>Recordings: streamed uploads with per-user dedup, storage on disk, and the processing pipeline (decode, transcribe, analyse, publish to Notes).</summary>
public sealed class AudioProcessingModule : IModuleInstaller
{
    public string Name => "AudioProcessing";

    public void Install(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModule<AudioDbContext>(Name, AudioDbContext.SchemaName, typeof(AudioProcessingModule).Assembly);
        services.AddOptions<AudioOptions>().Bind(configuration.GetSection(AudioOptions.Section));
        services.AddSpeech(configuration);
        services.AddAnalysis(configuration);
        services.AddSingleton<IAudioStorage, LocalAudioStorage>();
        services.AddScoped<AudioUploader>();
        services.AddScoped<AudioLibrary>();
        services.AddScoped<ProcessingStatusReader>();
        services.AddScoped<ProcessingControl>();
        services.AddScoped<TranscriptHistory>();
        services.AddScoped<AdminJobs>();
        services.AddScoped<TranscribeStage>();
        services.AddScoped<AnalyseStage>();
        services.AddScoped<PublishStage>();
        services.AddJobHandler<AudioDbContext, ProcessRecordingJob>(ProcessRecording.Kind);
    }
}
