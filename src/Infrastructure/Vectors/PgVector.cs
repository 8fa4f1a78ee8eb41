using Npgsql;
using NpgsqlTypes;

namespace VoiceNote.Infrastructure.Vectors;

/// <summary>
/// The one place that maps pgvector's <c>vector</c> type for Npgsql 10, which has no working client
/// package here (docs/decisions/0004). Writes send <c>real[]</c>, which pgvector casts to
/// <c>vector</c> on assignment; reads select <c>column::real[]</c>; distance queries cast the
/// parameter with <c>::vector</c>. EF models leave vector columns unmapped and go through here.
/// </summary>
public static class PgVector
{
    /// <summary>The column type for a vector of <paramref name="dimensions"/> floats.</summary>
    public static string ColumnType(int dimensions) =>
        dimensions is > 0 and <= 16000 ? $"vector({dimensions})" : throw new ArgumentOutOfRangeException(nameof(dimensions));

    /// <summary>A parameter carrying a vector; use it where a vector column is assigned or, cast with <see cref="Cast"/>, compared.</summary>
    public static NpgsqlParameter Parameter(string name, ReadOnlyMemory<float> vector) =>
        new(name, NpgsqlDbType.Array | NpgsqlDbType.Real) { Value = vector.ToArray() };

    /// <summary>SQL that turns a parameter into a vector for a distance operator: <c>@q::vector</c>.</summary>
    public static string Cast(string parameterName) => $"@{parameterName}::vector";

    /// <summary>SQL that reads a vector column as <c>real[]</c>, which Npgsql returns as <c>float[]</c>.</summary>
    public static string Readable(string column) => $"{column}::real[]";

    /// <summary>SQL for the cosine distance (0 = same direction, 2 = opposite) between a column and a parameter.</summary>
    public static string CosineDistance(string column, string parameterName) => $"({column} <=> {Cast(parameterName)})";

    /// <summary>Reads a column selected through <see cref="Readable"/>; null stays null.</summary>
    public static float[]? Read(NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<float[]>(ordinal);
}
