namespace VoiceNote.Modules.AudioProcessing.Speech.Remote;

/// <summary>Where one owner's calls to a remote engine go, with that owner's key. Never printed with the key.</summary>
internal sealed record EngineAccess(RemoteEngine Engine, Uri BaseUrl, string ApiKey, RemoteEngineOptions Options)
{
    /// <summary><paramref name="relative"/> under the base URL, whether or not the base ends with a slash.</summary>
    public Uri Resolve(string relative)
    {
        var root = BaseUrl.AbsoluteUri.EndsWith('/') ? BaseUrl : new Uri(BaseUrl.AbsoluteUri + "/");
        return new Uri(root, relative);
    }

    public override string ToString() => $"{Engine.Name} at {BaseUrl} (key hidden)";
}
