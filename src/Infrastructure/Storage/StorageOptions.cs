namespace VoiceNote.Infrastructure.Storage;

/// <summary>Where files live on disk (audio, exports). Server-generated paths under this root only.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>The root folder; relative paths resolve against the working directory.</summary>
    public string Root { get; set; } = ".data/storage";

    public string FullRoot => Path.GetFullPath(Root);
}
