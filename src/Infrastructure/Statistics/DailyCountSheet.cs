using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using VoiceNote.Contracts.Statistics;
using VoiceNote.Infrastructure.Persistence;

namespace VoiceNote.Infrastructure.Statistics;

/// <summary>
/// A module's <see cref="DailyCounts"/> read once for a range: every counter's all-time total, and its days within
/// the range. Both are sums over the counters table, whose size grows with days, not with rows counted.
/// </summary>
public sealed class DailyCountSheet
{
    private readonly Dictionary<(string Metric, string Dimension), long> _totals = [];
    private readonly List<(string Metric, string Dimension, DateOnly Day, long Value)> _days = [];

    private DailyCountSheet(DateOnly from, DateOnly to)
    {
        From = from;
        To = to;
    }

    public DateOnly From { get; }

    public DateOnly To { get; }

    public static async Task<DailyCountSheet> ReadAsync(DbContext db, string schema, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var sheet = new DailyCountSheet(from, to);
        var table = $"{Sql.Identifier(schema)}.{DailyCounts.Table}";
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"""
                SELECT metric, dimension, day, value FROM {table} WHERE day BETWEEN @from AND @to AND value <> 0
                UNION ALL
                SELECT metric, dimension, NULL, sum(value)::bigint FROM {table} GROUP BY metric, dimension
                """;
            Add(command, "from", from);
            Add(command, "to", to);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var key = (reader.GetString(0), reader.GetString(1));
                if (reader.IsDBNull(2))
                {
                    sheet._totals[key] = reader.GetInt64(3);
                }
                else
                {
                    sheet._days.Add((key.Item1, key.Item2, reader.GetFieldValue<DateOnly>(2), reader.GetInt64(3)));
                }
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        return sheet;
    }

    /// <summary>A counter's all-time total, over every dimension unless one is named.</summary>
    public long Total(string metric, string? dimension = null) =>
        _totals.Where(t => t.Key.Metric == metric && (dimension is null || t.Key.Dimension == dimension)).Sum(t => t.Value);

    /// <summary>A counter's sum over the range, every dimension.</summary>
    public long InRange(string metric) => _days.Where(d => d.Metric == metric).Sum(d => d.Value);

    /// <summary>Every day of the range (none left out) with the counter's value that day, every dimension summed.</summary>
    public IReadOnlyList<DailyCount> Series(string metric)
    {
        var byDay = _days.Where(d => d.Metric == metric).GroupBy(d => d.Day).ToDictionary(g => g.Key, g => g.Sum(d => d.Value));
        var series = new List<DailyCount>(To.DayNumber - From.DayNumber + 1);
        for (var day = From; day <= To; day = day.AddDays(1))
        {
            series.Add(new DailyCount(day, byDay.GetValueOrDefault(day)));
        }

        return series;
    }

    /// <summary>The counter's dimensions over the range, largest first (then by name), without those that sum to zero.</summary>
    public IReadOnlyList<NamedCount> ByDimension(string metric, int? top = null)
    {
        var named = _days.Where(d => d.Metric == metric).GroupBy(d => d.Dimension)
            .Select(g => new NamedCount(g.Key, g.Sum(d => d.Value))).Where(n => n.Value != 0)
            .OrderByDescending(n => n.Value).ThenBy(n => n.Name, StringComparer.Ordinal);
        return (top is { } limit ? named.Take(limit) : named).ToList();
    }

    private static void Add(DbCommand command, string name, DateOnly value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
