using System.Globalization;
using VoiceNote.Modules.AudioProcessing.Speech.Media;

namespace VoiceNote.IntegrationTests.AudioProcessing.Speech;

/// <summary>The process runner with real processes (sh, sleep): arguments, failures, limits, and no orphans left behind.</summary>
[Parallelizable(ParallelScope.All)]
public sealed class ExternalProcessRunnerTests
{
    private static readonly ExternalProcessRunner Runner = new();

    [Test]
    public async Task Arguments_reach_the_process_verbatim_without_a_shell()
    {
        var outcome = await Runner.RunAsync(new ProcessRequest("printf", ["%s|", "a b", "c'd", "-x", "$HOME", "; rm -rf /"]));

        Assert.That(outcome.StandardOutput, Is.EqualTo("a b|c'd|-x|$HOME|; rm -rf /|"));
    }

    [Test]
    public void A_non_zero_exit_is_a_typed_failure_with_the_tools_reason()
    {
        var failure = Assert.ThrowsAsync<ExternalProcessException>(() =>
            Runner.RunAsync(new ProcessRequest("sh", ["-c", "echo 'starting' >&2; echo 'disk full' >&2; exit 3"])));

        Assert.Multiple(() =>
        {
            Assert.That(failure!.Reason, Is.EqualTo(ProcessFailureReason.NonZeroExit));
            Assert.That(failure.ExitCode, Is.EqualTo(3));
            Assert.That(failure.LastErrorLine, Is.EqualTo("disk full"));
            Assert.That(failure.Message, Does.Contain("sh exited with code 3").And.Contain("disk full"));
        });
    }

    [Test]
    public void A_missing_executable_cannot_start()
    {
        var failure = Assert.ThrowsAsync<ExternalProcessException>(() =>
            Runner.RunAsync(new ProcessRequest("/nonexistent/ffmpeg", ["-version"])));

        Assert.That(failure!.Reason, Is.EqualTo(ProcessFailureReason.CouldNotStart));
    }

    [Test]
    public void Standard_error_is_kept_bounded_and_keeps_its_end()
    {
        var failure = Assert.ThrowsAsync<ExternalProcessException>(() => Runner.RunAsync(new ProcessRequest(
            "sh", ["-c", "head -c 300000 /dev/zero | tr '\\0' 'e' >&2; echo >&2; echo 'the real reason' >&2; exit 1"])
        {
            MaxStandardErrorChars = 1000,
        }));

        Assert.Multiple(() =>
        {
            Assert.That(failure!.StandardError, Has.Length.LessThanOrEqualTo(1000));
            Assert.That(failure.LastErrorLine, Is.EqualTo("the real reason"));
        });
    }

    [Test]
    public void Too_much_standard_output_stops_the_process()
    {
        var failure = Assert.ThrowsAsync<ExternalProcessException>(() => Runner.RunAsync(new ProcessRequest(
            "sh", ["-c", "while true; do echo aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa; done"])
        {
            MaxStandardOutputChars = 10_000,
            Timeout = TimeSpan.FromSeconds(30),
        }));

        Assert.That(failure!.Reason, Is.EqualTo(ProcessFailureReason.OutputTooLarge));
    }

    [Test]
    public async Task A_timeout_kills_the_whole_process_tree()
    {
        var pidFile = Path.Combine(Path.GetTempPath(), $"vn-child-{Guid.NewGuid():N}");
        try
        {
            var failure = Assert.ThrowsAsync<ExternalProcessException>(() => Runner.RunAsync(new ProcessRequest(
                "sh", ["-c", $"sleep 60 & echo $! > {pidFile}; wait"])
            {
                Timeout = TimeSpan.FromMilliseconds(700),
            }));

            Assert.That(failure!.Reason, Is.EqualTo(ProcessFailureReason.TimedOut));
            Assert.That(await IsGoneAsync(await ReadPidAsync(pidFile)), Is.True, "the grandchild 'sleep 60' outlived the timeout");
        }
        finally
        {
            File.Delete(pidFile);
        }
    }

    [Test]
    public async Task Cancellation_kills_the_whole_process_tree()
    {
        var pidFile = Path.Combine(Path.GetTempPath(), $"vn-child-{Guid.NewGuid():N}");
        try
        {
            using var cancellation = new CancellationTokenSource();
            var run = Runner.RunAsync(new ProcessRequest("sh", ["-c", $"sleep 60 & echo $! > {pidFile}; wait"]) { Timeout = TimeSpan.FromMinutes(5) }, cancellation.Token);
            var child = await ReadPidAsync(pidFile);
            await cancellation.CancelAsync();

            Assert.That(async () => await run, Throws.InstanceOf<OperationCanceledException>());
            Assert.That(await IsGoneAsync(child), Is.True, "the grandchild 'sleep 60' outlived the cancellation");
        }
        finally
        {
            File.Delete(pidFile);
        }
    }

    private static async Task<int> ReadPidAsync(string pidFile)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (File.Exists(pidFile) && int.TryParse((await File.ReadAllTextAsync(pidFile)).Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var pid))
            {
                return pid;
            }

            await Task.Delay(50);
        }

        throw new AssertionException("the child never wrote its pid");
    }

    /// <summary>Dead means no /proc entry, or a zombie waiting for a reaper (it runs no more).</summary>
    private static async Task<bool> IsGoneAsync(int pid)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var stat = $"/proc/{pid}/stat";
            if (!File.Exists(stat))
            {
                return true;
            }

            try
            {
                var fields = (await File.ReadAllTextAsync(stat)).Split(')').Last().Trim();
                if (fields.StartsWith('Z') || fields.StartsWith('X'))
                {
                    return true;
                }
            }
            catch (IOException)
            {
                return true;
            }

            await Task.Delay(100);
        }

        return false;
    }
}
