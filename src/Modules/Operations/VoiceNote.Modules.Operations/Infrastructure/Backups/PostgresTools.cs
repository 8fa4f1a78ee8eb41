using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Npgsql;
using VoiceNote.Infrastructure;
using VoiceNote.Modules.Operations.Application.Backups;

namespace VoiceNote.Modules.Operations.Infrastructure.Backups;

/// <summary>
/// pg_dump and pg_restore of the machine's PostgreSQL, found as build/db.sh finds the server's: the configured folder,
/// else /usr/lib/postgresql/&lt;server major&gt;/bin (a newer major's tools read an older server too), else PATH.
/// The connection goes through PG* environment variables, so the password never shows in a process list.
/// </summary>
internal sealed class PostgresTools(IConfiguration configuration, IOptions<BackupOptions> options)
{
    private const string Debian = "/usr/lib/postgresql";

    /// <summary>A custom-format dump of the whole database as <paramref name="snapshot"/> sees it.</summary>
    public Task DumpAsync(string snapshot, string file, int serverMajor, CancellationToken cancellationToken) =>
        RunAsync("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", $"--snapshot={snapshot}", $"--file={file}"], serverMajor, cancellationToken);

    /// <summary>
    /// Loads a dump in one transaction: a failure leaves the database as empty as it was. Comments on extensions are
    /// left out: only an extension's owner may set them, and the service's role rarely owns pgvector.
    /// </summary>
    public async Task RestoreAsync(string file, int serverMajor, CancellationToken cancellationToken)
    {
        var contents = await RunAsync("pg_restore", ["--list", file], serverMajor, cancellationToken);
        var list = file + ".list";
        await File.WriteAllLinesAsync(
            list, contents.Split('\n').Where(line => !line.Contains(" COMMENT - EXTENSION ", StringComparison.Ordinal)), cancellationToken);
        try
        {
            await RunAsync(
                "pg_restore",
                ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", $"--use-list={list}", $"--dbname={Database}", file],
                serverMajor,
                cancellationToken);
        }
        finally
        {
            File.Delete(list);
        }
    }

    private string Database => new NpgsqlConnectionStringBuilder(DependencyInjection.ResolveConnectionString(configuration)).Database ?? "postgres";

    public static async Task<int> ServerMajorAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT current_setting('server_version_num')::int", connection);
        return (int)(await command.ExecuteScalarAsync(cancellationToken))! / 10000;
    }

    private string Find(string tool, int serverMajor)
    {
        if (options.Value.PostgresBinDirectory is { Length: > 0 } configured)
        {
            return Path.Combine(configured, tool);
        }

        var installed = Directory.Exists(Debian)
            ? Directory.GetDirectories(Debian)
                .Select(d => int.TryParse(Path.GetFileName(d), NumberStyles.None, CultureInfo.InvariantCulture, out var major) ? major : 0)
                .Where(major => major >= serverMajor && File.Exists(Path.Combine(Debian, major.ToString(CultureInfo.InvariantCulture), "bin", tool)))
                .Order()
                .ToList()
            : [];
        return installed.Count > 0 ? Path.Combine(Debian, installed[0].ToString(CultureInfo.InvariantCulture), "bin", tool) : tool;
    }

    /// <summary>Runs a tool to its end; its standard output.</summary>
    private async Task<string> RunAsync(string tool, IReadOnlyList<string> arguments, int serverMajor, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(Find(tool, serverMajor), arguments) { RedirectStandardError = true, RedirectStandardOutput = true };
        var connection = new NpgsqlConnectionStringBuilder(DependencyInjection.ResolveConnectionString(configuration));
        start.Environment["PGHOST"] = connection.Host;
        start.Environment["PGPORT"] = connection.Port.ToString(CultureInfo.InvariantCulture);
        start.Environment["PGDATABASE"] = connection.Database;
        start.Environment["PGUSER"] = connection.Username;
        start.Environment["PGPASSWORD"] = connection.Password;
        if (connection.SslMode is not SslMode.Prefer)
        {
            start.Environment["PGSSLMODE"] = connection.SslMode.ToString().ToLowerInvariant().Replace("verify", "verify-", StringComparison.Ordinal);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new BackupException($"{tool} did not start.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new BackupException($"{tool} was not found ({e.Message}): install the PostgreSQL client tools of the server's version ({serverMajor}) or set Backup:PostgresBinDirectory.");
        }

        using (process)
        {
            var errors = process.StandardError.ReadToEndAsync(cancellationToken);
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            if (process.ExitCode != 0)
            {
                throw new BackupException($"{tool} failed (exit {process.ExitCode}): {(await errors).Trim()} {(await output).Trim()}".TrimEnd());
            }

            return await output;
        }
    }
}
