using System.Runtime.InteropServices;

namespace VoiceNote.Modules.Operations.Infrastructure.Backups;

/// <summary>
/// Pins a stored file for a backup: a hard link (instant, no space) keeps its content even if the service deletes or
/// moves the original a moment later; a copy where links are not possible (another filesystem, Windows).
/// </summary>
internal static partial class FilePins
{
    private const int NoSuchFile = 2; // ENOENT

    /// <summary>False when the file is gone (deleted or moved since the snapshot listed it).</summary>
    public static bool TryPin(string source, string pin)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(pin)!);
        if (!OperatingSystem.IsWindows())
        {
            if (link(source, pin) == 0)
            {
                return true;
            }

            if (Marshal.GetLastPInvokeError() == NoSuchFile)
            {
                return false;
            }
        }

        try
        {
            File.Copy(source, pin, overwrite: true);
            return true;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return false;
        }
    }

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int link(string oldpath, string newpath);
}
