using Microsoft.EntityFrameworkCore;
using VoiceNote.Application.Security;
using VoiceNote.Infrastructure.Jobs;
using VoiceNote.Infrastructure.Persistence;
using VoiceNote.Modules.AudioProcessing.Domain;

namespace VoiceNote.Modules.AudioProcessing.Infrastructure.Persistence;

/// <summary>
/// The AudioProcessing module's data, in the <c>audio</c> schema: uploads, their transcript and analysis
/// versions, and their processing jobs. Its transactions tell <see cref="FileSteps"/> how they ended.
/// </summary>
internal sealed class AudioProcessingDbContext(
    DbContextOptions<AudioProcessingDbContext> options, ICurrentUser currentUser, TimeProvider clock, FileSteps fileSteps)
    : ModuleDbContext(options, currentUser, clock)
{
    public const string SchemaName = "audio";

    public override string Schema => SchemaName;

    public DbSet<AudioFile> AudioFiles => Set<AudioFile>();

    public DbSet<TranscriptVersion> Transcripts => Set<TranscriptVersion>();

    public DbSet<AnalysisVersion> Analyses => Set<AnalysisVersion>();

    public DbSet<NoteTextAnalysis> NoteTexts => Set<NoteTextAnalysis>();

    public DbSet<JobRecord> Jobs => Set<JobRecord>();

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        base.OnConfiguring(optionsBuilder);
        optionsBuilder.AddInterceptors(fileSteps);
    }

    protected override void ConfigureModule(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new AudioFileConfiguration());
        modelBuilder.ApplyConfiguration(new TranscriptVersionConfiguration());
        modelBuilder.ApplyConfiguration(new AnalysisVersionConfiguration());
        modelBuilder.ApplyConfiguration(new NoteTextAnalysisConfiguration());
        modelBuilder.ApplyConfiguration(new JobRecordConfiguration());
    }
}
