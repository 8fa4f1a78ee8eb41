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

    /// <summary>
    /// A vector in pgvector's binary wire format (int16 dimensions, int16 unused, float4 values, all
    /// big-endian), for <c>COPY … FROM STDIN (FORMAT BINARY)</c>, where no assignment cast from
    /// <c>real[]</c> applies. Write it with <c>importer.Write(bytes, NpgsqlDbType.Bytea)</c>: the field is
    /// sent as is and the server's <c>vector_recv</c> reads it.
    /// </summary>
    public static byte[] ToCopyBinary(ReadOnlySpan<float> vector)
    {
        if (vector.Length is 0 or > 16000)
        {
            throw new ArgumentOutOfRangeException(nameof(vector), "A vector has 1 to 16000 dimensions.");
        }

        var bytes = new byte[4 + (4 * vector.Length)];
        System.Buffers.Binary.BinaryPrimitives.WriteInt16BigEndian(bytes, (short)vector.Length);
        for (var i = 0; i < vector.Length; i++)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteSingleBigEndian(bytes.AsSpan(4 + (4 * i)), vector[i]);
        }

        return bytes;
    }

    /// <summary>Reads a column selected through <see cref="Readable"/>; null stays null.</summary>
    public static float[]? Read(NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<float[]>(ordinal);
}
