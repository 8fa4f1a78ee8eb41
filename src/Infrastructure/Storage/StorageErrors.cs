using VoiceNote.Domain.Results;

namespace VoiceNote.Infrastructure.Storage;

/// <summary>Failures of the server's own disk. Codes are part of the API: never rename one.</summary>
public static class StorageErrors
{
    public const string FullCode = "storage.full";

    private const int UnixNoSpace = 28; // ENOSPC
    private const int LinuxQuotaExceeded = 122; // EDQUOT
    private const int WindowsDiskFull = unchecked((int)0x80070070);
    private const int WindowsHandleDiskFull = unchecked((int)0x80070027);

    public static readonly Error Full = new(FullCode, "The server's storage is full: nothing was kept. Try again later.", ErrorKind.InsufficientStorage);

    /// <summary>
    /// Whether a write failed for want of space (or of the user's disk quota). .NET carries the OS error in
    /// <see cref="Exception.HResult"/>: the errno on Unix, a Win32 HRESULT on Windows.
    /// </summary>
    public static bool IsDiskFull(IOException exception) =>
        OperatingSystem.IsWindows()
            ? exception.HResult is WindowsDiskFull or WindowsHandleDiskFull
            : exception.HResult is UnixNoSpace || (OperatingSystem.IsLinux() && exception.HResult == LinuxQuotaExceeded);
}
