using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace VoiceNote.Modules.AudioProcessing.Speech.Media;

/// <summary>
/// Runs external tools (ffmpeg, ffprobe) safely: argument lists, no shell, closed standard input, bounded
/// capture of both output streams, a timeout, and cancellation that kills the whole process tree so no
/// orphaned ffmpeg keeps a CPU busy after its job is gone.
/// </summary>
internal sealed class ExternalProcessRunner(ILogger<ExternalProcessRunner>? logger = null)
{
    /// <summary>How long to wait for the output pipes to drain after the process is gone.</summary>
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(5);

    private readonly ILogger _logger = logger ?? NullLogger<ExternalProcessRunner>.Instance;

    /// <summary>
    /// Runs <paramref name="request"/> to its end. Returns on exit code 0; throws
    /// <see cref="ExternalProcessException"/> on any other ending, or <see cref="OperationCanceledException"/>
    /// when <paramref name="cancellationToken"/> fires (the process tree is killed first in both cases).
    /// </summary>
    public async Task<ProcessOutcome> RunAsync(ProcessRequest request, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var startInfo = new ProcessStartInfo(request.FileName)
        {
            UseShellExecute = false,
            CreateNoWindow = true,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in request.Arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = new Process { StartInfo = startInfo };
        var stopwatch = Stopwatch.StartNew();
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            throw new ExternalProcessException(request.Tool, ProcessFailureReason.CouldNotStart, null, e.Message, e);
        }

        // Nothing is ever fed on stdin; closing it makes a tool that asks a question fail instead of hang.
        process.StandardInput.Close();

        var stdout = new BoundedText(request.MaxStandardOutputChars, keepTail: false);
        var stderr = new BoundedText(request.MaxStandardErrorChars, keepTail: true);
        using var outputTooLarge = new CancellationTokenSource();
        using var timeout = new CancellationTokenSource(request.Timeout);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token, outputTooLarge.Token);
        var pumps = Task.WhenAll(
            PumpAsync(process.StandardOutput, stdout, outputTooLarge),
            PumpAsync(process.StandardError, stderr, overflow: null));

        try
        {
            await process.WaitForExitAsync(stop.Token).ConfigureAwait(false);
            await pumps.WaitAsync(stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            KillTree(process, request.Tool);
            await DrainAsync(pumps).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            var reason = outputTooLarge.IsCancellationRequested ? ProcessFailureReason.OutputTooLarge : ProcessFailureReason.TimedOut;
            throw new ExternalProcessException(request.Tool, reason, null, stderr.ToString());
        }

        stopwatch.Stop();
        if (process.ExitCode != 0)
        {
            throw new ExternalProcessException(request.Tool, ProcessFailureReason.NonZeroExit, process.ExitCode, stderr.ToString());
        }

        _logger.LogDebug("{Tool} finished in {Elapsed} ms", request.Tool, stopwatch.ElapsedMilliseconds);
        return new ProcessOutcome(stdout.ToString(), stderr.ToString(), stopwatch.Elapsed);
    }

    private static async Task PumpAsync(StreamReader reader, BoundedText sink, CancellationTokenSource? overflow)
    {
        var buffer = new char[4096];
        int read;
        while ((read = await reader.ReadAsync(buffer.AsMemory()).ConfigureAwait(false)) > 0)
        {
            sink.Append(buffer.AsSpan(0, read));
            if (sink.Overflowed && overflow is not null)
            {
                // Stop the tool now: output that will be refused anyway is not worth waiting for.
                await overflow.CancelAsync().ConfigureAwait(false);
            }
        }
    }

    private static async Task DrainAsync(Task pumps)
    {
        try
        {
            await pumps.WaitAsync(DrainTimeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // A descendant that escaped the kill still holds a pipe; the failure is reported regardless.
        }
        catch (IOException)
        {
            // The pipe broke as the process died; what was read so far is what we report.
        }
    }

    private void KillTree(Process process, string tool)
    {
        try
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(DrainTimeout);
        }
        catch (InvalidOperationException)
        {
            // Exited on its own between the check and the kill.
        }
        catch (Win32Exception e)
        {
            _logger.LogWarning(e, "Could not kill {Tool} (pid {Pid})", tool, process.Id);
        }
    }
}
