using VoiceNote.Infrastructure.Modules;

namespace VoiceNote.Modules.Operations.Application.Backups.RestoreBackup;

/// <summary>
/// <c>restore --from &lt;file&gt; [--passphrase-file &lt;file&gt;]</c> into an empty database and storage root (ADR 0088).
/// It migrates itself, after the dump is loaded: migrating first would make the database non-empty.
/// </summary>
internal sealed class RestoreVerb : ICliVerb
{
    public string Name => "restore";

    public string Usage => $"restore --from <file> [--passphrase-file <file>] (or {BackupOptions.PassphraseVariable})";

    public bool MigratesFirst => false;

    public async Task<int> RunAsync(IReadOnlyList<string> arguments, IServiceProvider services, CancellationToken cancellationToken)
    {
        if (PassphraseSource.Option(arguments, "--from") is not { } archive)
        {
            await Console.Error.WriteLineAsync("Usage: " + Usage);
            return 2;
        }

        var (passphrase, error) = PassphraseSource.Read(PassphraseSource.Option(arguments, "--passphrase-file"));
        if (passphrase is null)
        {
            await Console.Error.WriteLineAsync(error);
            return 2;
        }

        try
        {
            await using var scope = services.CreateAsyncScope();
            var restored = await scope.ServiceProvider.GetRequiredService<BackupRestorer>().RestoreAsync(archive, passphrase, cancellationToken);
            Console.WriteLine($"Restored the backup made {restored.CreatedAt:u} by version {restored.AppVersion}: the database, {restored.StoredFiles} stored files and the master key; migrations applied.");
            return 0;
        }
        catch (BackupException e)
        {
            await Console.Error.WriteLineAsync("Restore refused: " + e.Message);
            return 1;
        }
    }
}
