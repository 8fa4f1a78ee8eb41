namespace VoiceNote.Benchmarks;

/// <summary>What the figures were taken on: the machine is shared, so every report states its load.</summary>
internal static class Machine
{
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    public static string Describe() =>
        $"{Environment.ProcessorCount} cores shared with other work, load average {LoadAverage()} at start";
}
