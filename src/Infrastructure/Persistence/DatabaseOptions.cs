namespace VoiceNote.Infrastructure.Persistence;

/// <summary>Bound from the "Database" section; the connection string comes from ConnectionStrings:VoiceNote or VOICENOTE_DB.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public string ConnectionString { get; set; } = string.Empty;

    /// <summary>Connections kept open (a pool of 5 to 20 by default).</summary>
    public int MinPoolSize { get; set; } = 5;

    public int MaxPoolSize { get; set; } = 20;

    /// <summary>Logs every SQL command at Information level; off by default.</summary>
    public bool LogQueries { get; set; }

    /// <summary>Applies pending migrations when the API starts (development); production runs the migrate verb.</summary>
    public bool MigrateOnStartup { get; set; }
}
