namespace VoiceNote.Modules.AudioProcessing.Speech.Media;

/// <summary>
/// Finds where to cut speech: in the longest pause of a window, measured on 10 ms frames of
/// <see cref="PcmFormat"/> samples. "Quiet" is relative to the recording: a frame
/// is a pause when its level is within a quarter of the way from the noise floor (10th percentile) to the
/// speech level (90th percentile), so it works for digital silence and for a noisy phone alike. Without
/// such contrast (noise throughout) it cuts at the quietest 100 ms instead.
/// </summary>
internal static class PauseFinder
{
    /// <summary>10 ms at 16 kHz: the frame PocketSphinx uses too.</summary>
    public const int FrameSamples = 160;

    private const double SilenceFloorDb = -100;

    /// <summary>The shortest run of quiet frames that counts as a pause (below it the quietest spot is used).</summary>
    private const int MinPauseFrames = 5;

    private const double MinDynamicRangeDb = 10;

    /// <summary>
    /// The sample index, between <paramref name="earliest"/> and <paramref name="latest"/> (inclusive, both within
    /// <paramref name="samples"/>), at which to cut: the middle of the longest pause there (the later one on a
    /// tie), or the middle of the quietest 100 ms when there is no pause at all.
    /// </summary>
    public static int FindCut(ReadOnlySpan<short> samples, int earliest, int latest)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(earliest);
        ArgumentOutOfRangeException.ThrowIfLessThan(latest, earliest);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(latest, samples.Length);

        var levels = FrameLevels(samples);
        var first = Math.Min(earliest / FrameSamples, levels.Length);
        var last = Math.Min(latest / FrameSamples, levels.Length);
        if (last - first < 1)
        {
            return latest;
        }

        var threshold = QuietThreshold(levels);
        var (bestStart, bestLength) = (-1, 0);
        for (var i = first; i < last;)
        {
            if (levels[i] > threshold)
            {
                i++;
                continue;
            }

            var start = i;
            while (i < last && levels[i] <= threshold)
            {
                i++;
            }

            if (i - start >= bestLength)
            {
                (bestStart, bestLength) = (start, i - start);
            }
        }

        var cutFrame = bestLength >= MinPauseFrames ? bestStart + (bestLength / 2) : QuietestWindowMiddle(levels, first, last);
        return Math.Clamp(cutFrame * FrameSamples, earliest, latest);
    }

    /// <summary>
    /// True when no 10 ms frame reaches <paramref name="thresholdDb"/> (−60 dBFS: a thousandth of full scale,
    /// far below a distant voice on a phone). Recognisers invent words in pure silence; such audio is skipped.
    /// </summary>
    public static bool IsSilent(ReadOnlySpan<short> samples, double thresholdDb = -60) =>
        FrameLevels(samples) is var levels && (levels.Length == 0 || levels.Max() < thresholdDb);

    /// <summary>The level of each 10 ms frame in dB relative to full scale (digital silence is −100).</summary>
    public static double[] FrameLevels(ReadOnlySpan<short> samples)
    {
        var levels = new double[samples.Length / FrameSamples];
        for (var frame = 0; frame < levels.Length; frame++)
        {
            var sum = 0.0;
            foreach (var sample in samples.Slice(frame * FrameSamples, FrameSamples))
            {
                sum += (double)sample * sample;
            }

            var rms = Math.Sqrt(sum / FrameSamples) / 32768.0;
            levels[frame] = rms > 0 ? Math.Max(20 * Math.Log10(rms), SilenceFloorDb) : SilenceFloorDb;
        }

        return levels;
    }

    /// <summary>
    /// The level at or below which a frame is a pause; −∞ (nothing is) when the recording has less than
    /// <see cref="MinDynamicRangeDb"/> between floor and speech, i.e. no pauses to tell apart.
    /// </summary>
    private static double QuietThreshold(double[] levels)
    {
        var sorted = levels.Order().ToArray();
        var floor = sorted[(int)(sorted.Length * 0.10)];
        var speech = sorted[Math.Min((int)(sorted.Length * 0.90), sorted.Length - 1)];
        return speech - floor < MinDynamicRangeDb ? double.NegativeInfinity : floor + ((speech - floor) * 0.25);
    }

    private static int QuietestWindowMiddle(double[] levels, int first, int last)
    {
        const int window = 10;
        if (last - first <= window)
        {
            return (first + last) / 2;
        }

        var sum = 0.0;
        for (var i = first; i < first + window; i++)
        {
            sum += levels[i];
        }

        var (best, bestSum) = (first, sum);
        for (var start = first + 1; start + window <= last; start++)
        {
            sum += levels[start + window - 1] - levels[start - 1];
            if (sum <= bestSum)
            {
                (best, bestSum) = (start, sum);
            }
        }

        return best + (window / 2);
    }
}
