using System.Text.RegularExpressions;

namespace VoiceNote.Infrastructure.Persistence;

/// <summary>Helpers for the few places that must splice an identifier (a schema name) into SQL text.</summary>
internal static partial class Sql
{
    /// <summary>Returns the identifier unchanged when it is a plain lower-case name; refuses anything else.</summary>
    public static string Identifier(string name) =>
        PlainIdentifier().IsMatch(name) ? name : throw new ArgumentException($"'{name}' is not a plain identifier.", nameof(name));

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex PlainIdentifier();
}
