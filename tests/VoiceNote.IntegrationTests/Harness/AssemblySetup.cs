using VoiceNote.IntegrationTests.AudioProcessing.Speech;
using VoiceNote.IntegrationTests.Harness;

[assembly: Parallelizable(ParallelScope.Fixtures)]
[assembly: LevelOfParallelism(4)]

// The root namespace: a SetUpFixture covers the fixtures in its namespace and below, here every one.
namespace VoiceNote.IntegrationTests;

/// <summary>Runs once for the whole assembly: at the end, removes this run's template database, its container and its test audio.</summary>
[SetUpFixture]
public sealed class AssemblySetup
{
    [OneTimeTearDown]
    public async Task CleanUp()
    {
        SpeechSamples.DeleteAll();
        await TestDatabases.DropTemplateAsync();
        await PostgresServer.StopAsync();
    }
}
