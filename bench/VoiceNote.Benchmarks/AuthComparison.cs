using System.Globalization;

namespace VoiceNote.Benchmarks;

/// <summary>Medians over rounds, and the before / after table (ratios after / before: below 1 is faster for ms, above 1 for req/s).</summary>
internal static class AuthComparison
{
    public static string Header =>
        "| measurement | before p50 / p95 ms, req/s | after p50 / p95 ms, req/s | after / before p50, p95, req/s | errors before / after |\n|---|---|---|---|---|";

    /// <summary>Each figure's median over the rounds of one row (two rounds: their mean); errors are summed.</summary>
    public static LoadFigures Median(IReadOnlyList<LoadFigures> rounds) => rounds[0] with
    {
        P50 = Median(rounds.Select(r => r.P50)),
        P95 = Median(rounds.Select(r => r.P95)),
        P99 = Median(rounds.Select(r => r.P99)),
        PerSecond = Median(rounds.Select(r => r.PerSecond)),
        Errors = rounds.Sum(r => r.Errors),
    };

    public static string Row(LoadFigures before, LoadFigures after) => string.Create(
        CultureInfo.InvariantCulture,
        $"| {after.Name} | {before.P50:0.00} / {before.P95:0.00}, {before.PerSecond:0} | {after.P50:0.00} / {after.P95:0.00}, {after.PerSecond:0} | {after.P50 / before.P50:0.00}, {after.P95 / before.P95:0.00}, {after.PerSecond / before.PerSecond:0.00} | {before.Errors} / {after.Errors} |");

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
