[assembly: Parallelizable(ParallelScope.Fixtures)]
[assembly: LevelOfParallelism(4)]

namespace VoiceNote.IntegrationTests.Harness;

/// <summary>Runs once for the whole assembly: removes this run's template database at the end.</summary>
[SetUpFixture]
public sealed class AssemblySetup
{
    [OneTimeTearDown]
    public Task DropTemplate() => TestDatabases.DropTemplateAsync();
}
