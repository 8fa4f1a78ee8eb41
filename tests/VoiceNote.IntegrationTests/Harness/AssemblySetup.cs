using VoiceNote.IntegrationTests.Harness;

[assembly: Parallelizable(ParallelScope.Fixtures)]
[assembly: LevelOfParallelism(4)]

// The root namespace: a SetUpFixture covers the fixtures in its namespace and below, here every one.
namespace VoiceNote.IntegrationTests;

/// <summary>Runs once for the whole assembly: at the end, removes this run's template database and its container.</summary>
[SetUpFixture]
public sealed class AssemblySetup
{
    [OneTimeTearDown]
    public async Task DropTemplateAndServer()
    {
        await TestDatabases.DropTemplateAsync();
        await PostgresServer.StopAsync();
    }
}
