namespace VoiceNote.Application.Security;

/// <summary>
/// The OAuth scopes the API understands. A user's own session carries all of them; a partner client
/// carries only those it was registered with.
/// </summary>
public static class ApiScopes
{
    public const string ProfileRead = "profile:read";
    public const string ProfileWrite = "profile:write";
    public const string NotesRead = "notes:read";
    public const string NotesWrite = "notes:write";
    public const string AudioRead = "audio:read";
    public const string AudioWrite = "audio:write";
    public const string CasesRead = "cases:read";
    public const string CasesWrite = "cases:write";
    public const string ExportsRead = "exports:read";
    public const string ExportsWrite = "exports:write";

    public static IReadOnlyList<string> All { get; } =
        [ProfileRead, ProfileWrite, NotesRead, NotesWrite, AudioRead, AudioWrite, CasesRead, CasesWrite, ExportsRead, ExportsWrite];

    public static bool IsKnown(string scope) => All.Contains(scope, StringComparer.Ordinal);
}
