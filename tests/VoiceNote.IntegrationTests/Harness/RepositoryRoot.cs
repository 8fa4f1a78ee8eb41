namespace VoiceNote.IntegrationTests.Harness;

internal static class RepositoryRoot
{
    /// <summary>The checkout's root: the nearest folder above the test binaries that holds VoiceNote.sln.</summary>
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "VoiceNote.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("VoiceNote.sln not found above " + AppContext.BaseDirectory);
    }
}
