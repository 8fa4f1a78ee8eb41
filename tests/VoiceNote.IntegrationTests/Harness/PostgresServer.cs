using System.Diagnostics;
using Npgsql;

namespace VoiceNote.IntegrationTests.Harness;

/// <summary>
/// The PostgreSQL server the tests use: VOICENOTE_TEST_DB when set, otherwise the project's local
/// cluster, started through build/db.sh (the same script the README's commands use).
/// </summary>
internal static class PostgresServer
{
    private static readonly Lazy<string> Admin = new(Resolve);

    /// <summary>A connection string to the server's maintenance database, with rights to create databases.</summary>
    public static string AdminConnectionString => Admin.Value;

    public static string ForDatabase(string database) =>
        new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = database, Pooling = true, MinPoolSize = 0, MaxPoolSize = 20 }.ConnectionString;

    private static string Resolve()
    {
        var configured = Environment.GetEnvironmentVariable("VOICENOTE_TEST_DB");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        var script = System.IO.Path.Combine(RepositoryRoot.Path, "build", "db.sh");
        var start = new ProcessStartInfo("bash", [script, "start"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryRoot.Path,
        };
        start.Environment["VOICENOTE_DB_FAST"] = "1";
        start.Environment.Remove("VOICENOTE_DB");
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not run build/db.sh");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"build/db.sh failed ({process.ExitCode}): {stderr.Result}");
        }

        return stdout.Trim().Split('\n').Last().Trim();
    }
}
