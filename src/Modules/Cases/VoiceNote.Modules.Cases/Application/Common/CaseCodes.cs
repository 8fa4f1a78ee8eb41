using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using VoiceNote.Modules.Cases.Infrastructure.Persistence;

namespace VoiceNote.Modules.Cases.Application.Common;

/// <summary>
/// Hands out case codes VN-&lt;year&gt;-&lt;number&gt; (ADR 0077). One statement bumps the year's counter row and
/// returns the new number; its row lock holds until the creating transaction ends, so concurrent creations
/// take turns and never get the same number. A rolled-back creation gives its number back with the rollback.
/// </summary>
internal static class CaseCodes
{
    public const string Prefix = "VN";

    public static async Task<string> NextAsync(this CasesDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var year = now.UtcDateTime.Year;
        // Plain ADO: EF would wrap a query in a SELECT, and an INSERT cannot be a subquery.
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = """
            INSERT INTO cases.code_counters (year, last_number) VALUES (@year, 1)
            ON CONFLICT (year) DO UPDATE SET last_number = cases.code_counters.last_number + 1
            RETURNING last_number
            """;
        command.Parameters.Add(new NpgsqlParameter<int>("year", year));
        var number = (int)(await command.ExecuteScalarAsync(cancellationToken))!;
        return Format(year, number);
    }

    /// <summary>Five digits at least; the 100,000th case of a year gets six rather than wrapping round.</summary>
    public static string Format(int year, int number) =>
        string.Create(CultureInfo.InvariantCulture, $"{Prefix}-{year}-{number:D5}");
}
