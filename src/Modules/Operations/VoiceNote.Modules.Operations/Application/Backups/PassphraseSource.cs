namespace VoiceNote.Modules.Operations.Application.Backups;

/// <summary>
/// Where the operator's passphrase comes from: a file, else the <see cref="BackupOptions.PassphraseVariable"/>
/// environment variable; never the command line, which other users of the machine can read.
/// </summary>
internal static class PassphraseSource
{
    /// <summary>The passphrase, or an error for the operator.</summary>
    public static (string? Passphrase, string? Error) Read(string? file)
    {
        string? passphrase;
        if (file is { Length: > 0 })
        {
            if (!File.Exists(file))
            {
                return (null, $"The passphrase file {file} does not exist.");
            }

            passphrase = File.ReadAllText(file).TrimEnd('\r', '\n');
        }
        else
        {
            passphrase = Environment.GetEnvironmentVariable(BackupOptions.PassphraseVariable);
        }

        return passphrase is { Length: > 0 }
            ? (passphrase, null)
            : (null, $"No passphrase: give --passphrase-file <file> or set {BackupOptions.PassphraseVariable}.");
    }

    public static string? Option(IReadOnlyList<string> arguments, string name)
    {
        var index = arguments.ToList().IndexOf(name);
        return index >= 0 && index + 1 < arguments.Count ? arguments[index + 1] : null;
    }
}
