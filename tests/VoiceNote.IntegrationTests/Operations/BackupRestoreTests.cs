using System.Formats.Tar;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using VoiceNote.Domain.Primitives;
using VoiceNote.IntegrationTests.AudioProcessing.Pipeline;
using VoiceNote.IntegrationTests.AudioProcessing.Speech;
using VoiceNote.IntegrationTests.Exports;
using VoiceNote.IntegrationTests.Harness;
using VoiceNote.IntegrationTests.Notes;
using VoiceNote.Modules.Identity.Contracts;
using VoiceNote.Modules.Operations.Application.Backups.Archive;
using VoiceNote.Modules.Operations.Application.Backups.Scheduling;
using VoiceNote.Modules.Operations.Application.Backups.TakeBackup;

namespace VoiceNote.IntegrationTests.Operations;

/// <summary>
/// Backup and restore (issue 16 item 4, ADR 0088): the verbs of the built executable on a real database and real
/// files — a round trip that keeps every row, file, password, search hit and stored secret; a backup under a write
/// load that keeps no row without its file and no file without its row; and archives refused before anything is written.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class BackupRestoreTests : DatabaseFixture
{
    private const string ApiKey = "sk-backup-round-trip-0123456789";
    private readonly string _folder = Directory.CreateTempSubdirectory("voicenote-backups-").FullName;
    private string? _archive;

    /// <summary>The schedule is driven by hand (<see cref="ScheduledBackups.RunIfDueAsync"/>), never by its timer.</summary>
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Backup:Schedule:Enabled"] = "false",
        ["Backup:Schedule:Directory"] = Path.Combine(_folder, "scheduled"),
        ["Backup:Schedule:PassphraseFile"] = Path.Combine(_folder, "scheduled-passphrase"),
        ["Backup:KeepDaily"] = "2",
        ["Backup:KeepWeekly"] = "0",
    };

    [OneTimeTearDown]
    public void RemoveFolder()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Test, Order(1)]
    public async Task A_restored_backup_has_the_same_rows_files_passwords_search_and_secrets()
    {
        var alice = await this.CreateAccountAsync("alice");
        using var client = this.ClientFor(alice);
        var note = (await client.CreateNoteAsync("Lighthouse keeper's log", "The lamp at the lighthouse needs new wicks")).Id();
        await client.CreateNoteAsync("Groceries", "Bread, olives and tea");
        var (_, spoken) = await client.UploadAsync(await SpeechSamples.DentistWavAsync());
        var (_, noise) = await client.UploadAsync(await WriteNoiseAsync());
        var caseId = NotesApi.Id(await Cases.CaseApi.CreateCaseAsync(client, "Harbour incident"));
        await Cases.CaseApi.NoteInCaseAsync(client, caseId, "Witness statement", "Seen from the pier");
        var export = await client.QueueExportAsync("json", "NOTE", note);
        var keySet = await client.PutAsJsonAsync("/api/v1/me/api-keys/OPENAI", new { apiKey = ApiKey });
        Assert.That(keySet.StatusCode, Is.EqualTo(HttpStatusCode.OK), await keySet.Content.ReadAsStringAsync());
        Assert.That((await client.WaitUntilFinishedAsync(spoken.Id(), TimeSpan.FromMinutes(2))).GetProperty("status").GetString(), Is.EqualTo("COMPLETED"));
        await client.WaitUntilFinishedAsync(noise.Id(), TimeSpan.FromMinutes(2));
        // One recording in the archive area: its file lives under audio/archive/.
        await NotesApi.ExpectAsync(await client.PostAsync($"/api/v1/audio/{noise.Id()}/archive", null), HttpStatusCode.OK);
        Assert.That((await client.FinishedAsync(export)).GetProperty("status").GetString(), Is.EqualTo("COMPLETED"));
        await this.WaitForEmbeddingsAsync(alice.UserId);
        var hits = (await client.SearchAsync("lighthouse", "text")).HitIds();
        Assert.That(hits, Does.Contain(note));

        var rowsBefore = await QuietRowCountsAsync();
        var referenced = await BackupSupport.ReferencedFilesAsync(ConnectionString);
        Assert.That(referenced.Count(k => k.StartsWith("audio/archive/", StringComparison.Ordinal)), Is.EqualTo(1), string.Join(", ", referenced));
        Assert.That(referenced.Count(k => k.StartsWith("exports/", StringComparison.Ordinal)), Is.EqualTo(1));
        var passphraseFile = Path.Combine(_folder, "passphrase");
        await File.WriteAllTextAsync(passphraseFile, BackupSupport.Passphrase + "\n");
        var archive = Path.Combine(_folder, "round-trip.tar");
        var backup = await BackupSupport.RunVerbAsync(ConnectionString, Api.StorageRoot, null, "backup", "--out", archive, "--passphrase-file", passphraseFile);
        Assert.That(backup.ExitCode, Is.Zero, backup.Errors + backup.Output);
        Assert.That(await BackupSupport.RowCountsAsync(ConnectionString), Is.EqualTo(rowsBefore), "nothing wrote while the backup ran");
        _archive = archive;

        await using var target = await RestoreTarget.CreateAsync();
        var restore = await target.RestoreAsync(archive);
        Assert.That(restore.ExitCode, Is.Zero, restore.Errors + restore.Output);

        Assert.That(await BackupSupport.RowCountsAsync(target.ConnectionString), Is.EqualTo(rowsBefore));
        var restoredFiles = BackupSupport.FilesUnder(target.StorageRoot);
        Assert.That(restoredFiles.Keys, Is.EqualTo(referenced), "exactly the files the rows name");
        Assert.That(restoredFiles, Is.EqualTo(referenced.ToDictionary(k => k, k => BackupSupport.Sha256Of(Path.Combine(Api.StorageRoot, k)))));

        target.Api.StartServer();
        using var anonymous = target.Api.CreateClient();
        var (token, _, _) = await TestAccounts.SignInAsync(anonymous, alice.Email, alice.Password);
        using var restoredClient = target.Api.CreateClient();
        restoredClient.DefaultRequestHeaders.Authorization = TestAccounts.Bearer(token);
        Assert.That((await restoredClient.SearchAsync("lighthouse", "text")).HitIds(), Is.EqualTo(hits));
        await using var scope = target.Api.Services.CreateAsyncScope();
        var credential = await scope.ServiceProvider.GetRequiredService<IIdentityModule>()
            .GetProviderCredentialAsync(new UserId(alice.UserId), ApiKeyProvider.OpenAi, CancellationToken.None);
        Assert.That(credential?.ApiKey, Is.EqualTo(ApiKey), "the stored key decrypts with the restored master key");
        var download = await restoredClient.GetAsync($"/api/v1/exports/{export}/file");
        Assert.That(download.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test, Order(2)]
    public async Task A_backup_taken_during_writes_restores_every_referenced_file_and_no_other()
    {
        var bob = await this.CreateAccountAsync("bob");
        using var client = this.ClientFor(bob);
        using var stop = new CancellationTokenSource();
        var operations = 0;
        var load = Task.Run(async () =>
        {
            var recordings = new List<Guid>();
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var uploaded = await client.PostAsync("/api/v1/audio", BackupSupport.WavOfNoise());
                Assert.That(uploaded.StatusCode, Is.EqualTo(HttpStatusCode.Created), await uploaded.Content.ReadAsStringAsync());
                recordings.Add(JsonDocument.Parse(await uploaded.Content.ReadAsStringAsync()).RootElement.Id());
                var note = (await client.CreateNoteAsync($"Load note {i}", "written while a backup runs")).Id();
                if (i % 2 == 1)
                {
                    await client.DeleteAsync($"/api/v1/notes/{note}");
                }

                if (recordings.Count >= 3)
                {
                    // Moves (archive and back) and deletes: the files a snapshot names may vanish under the backup.
                    await client.PostAsync($"/api/v1/audio/{recordings[^2]}/archive", null);
                    await client.PostAsync($"/api/v1/audio/{recordings[^3]}/restore", null);
                    if (i % 3 == 0)
                    {
                        await client.DeleteAsync($"/api/v1/audio/{recordings[0]}");
                        recordings.RemoveAt(0);
                    }
                }

                Interlocked.Increment(ref operations);
            }
        });

        await Task.Delay(TimeSpan.FromSeconds(2));
        var archive = Path.Combine(_folder, "under-load.tar");
        var before = Volatile.Read(ref operations);
        var backup = await BackupSupport.RunVerbAsync(ConnectionString, Api.StorageRoot, BackupSupport.Passphrase, "backup", "--out", archive);
        var during = Volatile.Read(ref operations) - before;
        await stop.CancelAsync();
        await load;
        Assert.That(backup.ExitCode, Is.Zero, backup.Errors + backup.Output);
        Assert.That(during, Is.GreaterThan(0), "writes ran while the backup was taken");

        await using var target = await RestoreTarget.CreateAsync();
        var restore = await target.RestoreAsync(archive);
        Assert.That(restore.ExitCode, Is.Zero, restore.Errors + restore.Output);
        var referenced = await BackupSupport.ReferencedFilesAsync(target.ConnectionString);
        var files = BackupSupport.FilesUnder(target.StorageRoot);
        Assert.That(referenced.Count(k => k.StartsWith("audio/", StringComparison.Ordinal)), Is.GreaterThan(3));
        Assert.That(files.Keys, Is.EqualTo(referenced), "every referenced file present, no unreferenced file");
        await using var connection = new Npgsql.NpgsqlConnection(target.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("SELECT 'audio/' || storage_key, sha256 FROM audio.audio_files", connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            Assert.That(files[reader.GetString(0)], Is.EqualTo(reader.GetString(1).Trim()), "each file is the recording its row describes");
        }
    }

    [Test, Order(3)]
    public async Task A_tampered_archive_is_refused_before_anything_is_written()
    {
        var archive = await ArchiveAsync();
        var changedFile = Path.Combine(_folder, "changed-file.tar");
        await RewriteAsync(archive, changedFile, (name, content) =>
            name.StartsWith(ArchiveLayout.StoragePrefix + "audio/", StringComparison.Ordinal) ? [.. content, 0] : content);
        var changedManifest = Path.Combine(_folder, "changed-manifest.tar");
        await RewriteAsync(archive, changedManifest, (name, content) =>
            name == ArchiveLayout.Manifest ? Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(content).Replace("\"createdAt\": \"2", "\"createdAt\": \"1", StringComparison.Ordinal)) : content);

        foreach (var tampered in new[] { changedFile, changedManifest })
        {
            await using var target = await RestoreTarget.CreateAsync();
            var restore = await target.RestoreAsync(tampered);
            Assert.That(restore.ExitCode, Is.EqualTo(1), restore.Output);
            Assert.That(restore.Errors, Does.Contain("altered or damaged"));
            await AssertUntouchedAsync(target);
        }
    }

    [Test, Order(4)]
    public async Task A_wrong_passphrase_is_refused()
    {
        var archive = await ArchiveAsync();
        await using var target = await RestoreTarget.CreateAsync();
        var restore = await target.RestoreAsync(archive, "not the passphrase it was made with");
        Assert.That(restore.ExitCode, Is.EqualTo(1), restore.Output);
        Assert.That(restore.Errors, Does.Contain("Wrong passphrase"));
        await AssertUntouchedAsync(target);

        var none = await target.RestoreAsync(archive, passphrase: null);
        Assert.That(none.ExitCode, Is.EqualTo(2));
        Assert.That(none.Errors, Does.Contain("VOICENOTE_BACKUP_PASSPHRASE"));
    }

    [Test, Order(5)]
    public async Task A_target_that_is_not_empty_is_refused()
    {
        var archive = await ArchiveAsync();
        var intoLive = await BackupSupport.RunVerbAsync(ConnectionString, Path.Combine(_folder, "elsewhere"), BackupSupport.Passphrase, "restore", "--from", archive);
        Assert.That(intoLive.ExitCode, Is.EqualTo(1), intoLive.Output);
        Assert.That(intoLive.Errors, Does.Contain("is not empty"));

        await using var target = await RestoreTarget.CreateAsync();
        Directory.CreateDirectory(Path.Combine(target.StorageRoot, "audio"));
        await File.WriteAllTextAsync(Path.Combine(target.StorageRoot, "audio", "left-over.txt"), "x");
        var intoUsedFolder = await target.RestoreAsync(archive);
        Assert.That(intoUsedFolder.ExitCode, Is.EqualTo(1), intoUsedFolder.Output);
        Assert.That(intoUsedFolder.Errors, Does.Contain("storage root").And.Contain("not empty"));
        Assert.That(await BackupSupport.TableCountAsync(target.ConnectionString), Is.Zero);
    }

    [Test, Order(6)]
    public async Task An_archive_of_a_newer_version_is_refused()
    {
        var archive = await ArchiveAsync();
        var newer = Path.Combine(_folder, "newer.tar");
        byte[]? manifest = null;
        await RewriteAsync(archive, newer, (name, content) =>
        {
            if (name == ArchiveLayout.Manifest)
            {
                var parsed = JsonSerializer.Deserialize<BackupManifest>(content, BackupWriter.Json)!;
                var modules = parsed.Modules.Select(m => m.Name == "Notes" ? m with { Migrations = [.. m.Migrations, "29991231000000_FromTheFuture"] } : m).ToList();
                manifest = JsonSerializer.SerializeToUtf8Bytes(parsed with { AppVersion = "99.0.0", Modules = modules }, BackupWriter.Json);
                return manifest;
            }

            if (name != ArchiveLayout.ManifestMac)
            {
                return content;
            }

            // A newer version seals its manifest with the same passphrase: the MAC matches, only the migrations differ.
            var keys = JsonSerializer.Deserialize<BackupManifest>(manifest!, BackupWriter.Json)!.Keys;
            return Encoding.ASCII.GetBytes(Passphrase.Derive(BackupSupport.Passphrase, Convert.FromBase64String(keys.Salt), keys.Iterations).Mac(manifest!));
        });

        await using var target = await RestoreTarget.CreateAsync();
        var restore = await target.RestoreAsync(newer);
        Assert.That(restore.ExitCode, Is.EqualTo(1), restore.Output);
        Assert.That(restore.Errors, Does.Contain("newer").And.Contain("29991231000000_FromTheFuture"));
        await AssertUntouchedAsync(target);
    }

    [Test, Order(7)]
    public async Task A_scheduled_backup_runs_when_due_in_one_process_at_a_time_and_prunes_old_archives()
    {
        var scheduled = Path.Combine(_folder, "scheduled");
        Directory.CreateDirectory(scheduled);
        await File.WriteAllTextAsync(Path.Combine(_folder, "scheduled-passphrase"), BackupSupport.Passphrase);
        var now = DateTimeOffset.UtcNow;
        var old = new[] { now.AddDays(-3), now.AddDays(-2) }.Select(at => Path.Combine(scheduled, BackupSchedule.FileName(at))).ToList();
        old.ForEach(path => File.WriteAllText(path, "an older archive"));
        var mine = Path.Combine(scheduled, "kept-by-the-operator.tar");
        await File.WriteAllTextAsync(mine, "not the schedule's");
        var schedule = Api.Services.GetRequiredService<ScheduledBackups>();

        // Another process holds the lock: this one leaves the slot to it.
        await using (var other = new Npgsql.NpgsqlConnection(ConnectionString))
        {
            await other.OpenAsync();
            await using var take = new Npgsql.NpgsqlCommand("SELECT pg_advisory_lock(x'766e6261636b7570'::bigint)", other);
            await take.ExecuteNonQueryAsync();
            Assert.That(await schedule.RunIfDueAsync(CancellationToken.None), Is.False);
            await using var release = new Npgsql.NpgsqlCommand("SELECT pg_advisory_unlock(x'766e6261636b7570'::bigint)", other);
            await release.ExecuteNonQueryAsync();
        }

        Assert.That(await schedule.RunIfDueAsync(CancellationToken.None), Is.True);
        var archives = BackupSchedule.Archives(scheduled);
        Assert.That(archives, Has.Count.EqualTo(2), "today's new archive and the newest older day (keep 2 daily)");
        Assert.That(File.Exists(old[0]), Is.False);
        Assert.That(File.Exists(old[1]), Is.True);
        Assert.That(File.Exists(mine), Is.True, "files the schedule did not name are never pruned");
        Assert.That(new FileInfo(archives[archives.Keys.Max()]).Length, Is.GreaterThan(1000));
        Assert.That(await schedule.RunIfDueAsync(CancellationToken.None), Is.False, "not due again until tomorrow");
    }

    [Test, Order(8)]
    public async Task A_role_that_does_not_own_the_vector_extension_can_restore()
    {
        var archive = await ArchiveAsync();
        // As a managed server is set up: an administrator created pgvector, the service's own role owns the database.
        var role = $"vn_restorer_{Guid.NewGuid():N}"[..24];
        var database = await TestDatabases.CreateEmptyAsync();
        await AdminAsync(PostgresServer.AdminConnectionString, $"CREATE ROLE {role} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '{role}'; ALTER DATABASE {database} OWNER TO {role}");
        try
        {
            await AdminAsync(PostgresServer.ForDatabase(database), "CREATE EXTENSION IF NOT EXISTS vector");
            var asRole = new Npgsql.NpgsqlConnectionStringBuilder(PostgresServer.ForDatabase(database)) { Username = role, Password = role }.ConnectionString;
            Assert.That(await ScalarOnAsync<bool>(asRole, """
                SELECT NOT rolsuper AND NOT pg_has_role(current_user, (SELECT extowner FROM pg_extension WHERE extname = 'vector'), 'USAGE')
                FROM pg_roles WHERE rolname = current_user
                """), Is.True, "the role is no superuser and does not own the extension");

            var restore = await BackupSupport.RunVerbAsync(asRole, Path.Combine(_folder, "restored-by-" + role), BackupSupport.Passphrase, "restore", "--from", archive);
            Assert.That(restore.ExitCode, Is.Zero, restore.Errors + restore.Output);
            Assert.That(await ScalarOnAsync<long>(asRole, "SELECT count(*) FROM identity.users"), Is.GreaterThan(0), "the rows are there");
        }
        finally
        {
            Npgsql.NpgsqlConnection.ClearAllPools();
            await TestDatabases.DropAsync(database);
            await AdminAsync(PostgresServer.AdminConnectionString, $"DROP ROLE IF EXISTS {role}");
        }
    }

    private static async Task AssertUntouchedAsync(RestoreTarget target)
    {
        Assert.That(await BackupSupport.TableCountAsync(target.ConnectionString), Is.Zero, "no table was restored");
        Assert.That(Directory.Exists(target.StorageRoot) && Directory.EnumerateFileSystemEntries(target.StorageRoot).Any(), Is.False, "no file was written");
    }

    private static async Task AdminAsync(string connectionString, string sql)
    {
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<T> ScalarOnAsync<T>(string connectionString, string sql)
    {
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>The round trip's archive, or a fresh one when that test did not run.</summary>
    private async Task<string> ArchiveAsync()
    {
        if (_archive is null)
        {
            var alice = await this.CreateAccountAsync("carol");
            using var client = this.ClientFor(alice);
            var (_, noise) = await client.UploadAsync(await WriteNoiseAsync());
            await client.WaitUntilFinishedAsync(noise.Id(), TimeSpan.FromMinutes(2));
            _archive = Path.Combine(_folder, "small.tar");
            var backup = await BackupSupport.RunVerbAsync(ConnectionString, Api.StorageRoot, BackupSupport.Passphrase, "backup", "--out", _archive);
            Assert.That(backup.ExitCode, Is.Zero, backup.Errors + backup.Output);
        }

        return _archive;
    }

    /// <summary>Copies an archive entry by entry, in order, through <paramref name="change"/>.</summary>
    private static async Task RewriteAsync(string from, string to, Func<string, byte[], byte[]> change)
    {
        await using var input = File.OpenRead(from);
        await using var reader = new TarReader(input);
        await using var output = File.Create(to);
        await using var writer = new TarWriter(output, TarEntryFormat.Pax);
        while (await reader.GetNextEntryAsync() is { } entry)
        {
            using var buffer = new MemoryStream();
            await entry.DataStream!.CopyToAsync(buffer);
            var changed = change(entry.Name, buffer.ToArray());
            await writer.WriteEntryAsync(new PaxTarEntry(TarEntryType.RegularFile, entry.Name) { DataStream = new MemoryStream(changed) });
        }
    }

    /// <summary>The counts once two reads a second apart agree (background work such as the outbox has settled).</summary>
    private async Task<SortedDictionary<string, long>> QuietRowCountsAsync()
    {
        var previous = await BackupSupport.RowCountsAsync(ConnectionString);
        for (var i = 0; i < 30; i++)
        {
            await Task.Delay(1000);
            var current = await BackupSupport.RowCountsAsync(ConnectionString);
            if (current.SequenceEqual(previous))
            {
                return current;
            }

            previous = current;
        }

        return previous;
    }

    private async Task<string> WriteNoiseAsync()
    {
        var path = Path.Combine(_folder, Guid.NewGuid().ToString("N") + ".wav");
        await File.WriteAllBytesAsync(path, await BackupSupport.WavOfNoise().ReadAsByteArrayAsync());
        return path;
    }
}
