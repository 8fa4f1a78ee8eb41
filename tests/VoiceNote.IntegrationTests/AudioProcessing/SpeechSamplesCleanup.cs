using VoiceNote.IntegrationTests.AudioProcessing.Speech;

namespace VoiceNote.IntegrationTests.AudioProcessing;

/// <summary>
/// Removes the generated audio once every AudioProcessing fixture has run. It sits in the area's root
/// namespace: uploads, the pipeline and the remote engines use the samples too, and a cleanup scoped to
/// the speech fixtures alone deleted them under fixtures still running in parallel.
/// </summary>
[SetUpFixture]
public sealed class SpeechSamplesCleanup
{
    [OneTimeTearDown]
    public void DeleteSamples() => SpeechSamples.DeleteAll();
}
