using System.Diagnostics;
using VoiceNote.IntegrationTests.AudioProcessing.Speech;
using VoiceNote.IntegrationTests.Harness;

namespace VoiceNote.IntegrationTests.Contract;

/// <summary>
/// Issue 11's "done means": a TypeScript client generated from this host's own OpenAPI document
/// (openapi-typescript + openapi-fetch, tests/client-typescript) type-checks and runs a partner's session
/// against the host on its real socket: sign in, write a note, upload speech, wait for the host's job
/// worker (ffmpeg + PocketSphinx), search for what was said. A defect in the document shows up as a
/// generator error, a tsc error in flow.ts, or a failed step.
/// </summary>
public sealed class GeneratedClientTests : DatabaseFixture
{
    /// <summary>Words the dentist sample says that PocketSphinx hears (PipelineEndToEndTests checks the transcript for them).</summary>
    private const string SpokenWords = "dentist";

    private static readonly string ClientFolder = Path.Combine(RepositoryRoot.Path, "tests", "client-typescript");

    [Test]
    public async Task A_client_generated_from_the_document_compiles_and_runs_a_partners_session()
    {
        Assert.That(
            Path.Combine(ClientFolder, "node_modules", ".bin", "openapi-typescript"),
            Does.Exist,
            $"The TypeScript client's packages are not installed in {ClientFolder}: run build/test.sh (it runs npm ci there) or npm ci in that folder.");

        var work = Directory.CreateTempSubdirectory("vn-client-");
        try
        {
            var document = Path.Combine(work.FullName, "openapi.json");
            await File.WriteAllTextAsync(document, await Client.GetStringAsync("/openapi/v1.json"));
            var environment = new Dictionary<string, string?>
            {
                ["VOICENOTE_OPENAPI"] = document,
                ["VOICENOTE_BASE_URL"] = Client.BaseAddress!.ToString().TrimEnd('/'),
                ["VOICENOTE_RECORDING"] = await SpeechSamples.DentistWavAsync(),
                ["VOICENOTE_SPOKEN"] = SpokenWords,
                ["NO_COLOR"] = "1",
            };

            Npm("generate", environment, TimeSpan.FromMinutes(2));
            Npm("check", environment, TimeSpan.FromMinutes(2));
            var flow = Npm("flow", environment, TimeSpan.FromMinutes(4));
            TestContext.Out.WriteLine(flow.Text);
            Assert.That(flow.Text, Does.Contain("flow passed"), flow.Text);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>Runs one of the package's scripts; a non-zero exit fails the test with everything it printed.</summary>
    private static Bash.Output Npm(string script, IReadOnlyDictionary<string, string?> environment, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        var output = Bash.Run(["-c", $"cd tests/client-typescript && exec npm run --silent {script}"], environment, timeout);
        TestContext.Progress.WriteLine($"npm run {script}: exit {output.ExitCode} in {watch.Elapsed.TotalSeconds:0.0} s");
        Assert.That(output.ExitCode, Is.Zero, $"npm run {script} failed.\n--- stdout\n{output.Text}\n--- stderr\n{output.Errors}");
        return output;
    }
}
