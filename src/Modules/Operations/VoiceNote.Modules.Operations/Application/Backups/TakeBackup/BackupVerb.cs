using VoiceNote.Infrastructure.Modules;
using VoiceNote.Modules.Operations.Application.Backups.Archive;

namespace VoiceNote.Modules.Operations.Application.Backups.TakeBackup;

/// <summary><c>backup --out &lt;file&gt; [--passphrase-file &lt;file&gt;]</c>: one archive, taken while the service runs (ADR 0088).</summary>
internal sealed class BackupVerb : ICliVerb
{
    public string Name => "backup";

    public string Usage => $"backup --out <file> [--passphrase-file <file>] (or {BackupOptions.PassphraseVariable})";

    public async Task<int> RunAsync(IReadOnlyList<string> arguments, IServiceProvider services, CancellationToken cancellationToken)
    {
        if (PassphraseSource.Option(arguments, "--out") is not { } target)
        {
            await Console.Error.WriteLineAsync("Usage: " + Usage);
            return 2;
        }

        var (passphrase, error) = PassphraseSource.Read(PassphraseSource.Option(arguments, "--passphrase-file"));
        if (passphrase is null || passphrase.Length < Passphrase.MinimumLength)
        {
            await Console.Error.WriteLineAsync(error ?? $"The passphrase is shorter than {Passphrase.MinimumLength} characters: anyone holding the archive could guess it.");
            return 2;
        }

        try
        {
            await using var scope = services.CreateAsyncScope();
            var written = await scope.ServiceProvider.GetRequiredService<BackupWriter>().WriteAsync(target, passphrase, cancellationToken);
            Console.WriteLine($"Backup written to {written.Path}: the database, {written.StoredFiles} stored files and the master key (sealed with the passphrase), {written.Bytes} bytes.");
            Console.WriteLine("Keep the passphrase apart from the archive: together they open every stored secret.");
            return 0;
        }
        catch (BackupException e)
        {
            await Console.Error.WriteLineAsync("Backup failed: " + e.Message);
            return 1;
        }
    }
}
