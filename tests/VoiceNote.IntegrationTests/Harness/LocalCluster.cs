
namespace VoiceNote.IntegrationTests.Harness;

/// <summary>The project's local cluster, started through build/db.sh (the README's commands use the same script).</summary>
internal static class LocalCluster
{
    public static string Start()
    {
        var output = Bash.Run(["build/db.sh", "start"], new Dictionary<string, string?> { ["VOICENOTE_DB_FAST"] = "1", ["VOICENOTE_DB"] = null });
        if (output.ExitCode != 0)
        {
            throw new InvalidOperationException($"build/db.sh failed ({output.ExitCode}): {output.Errors}");
        }

        return output.LastLine;
    }
}
