namespace VoiceNote.Modules.AudioProcessing.Speech.Remote;

/// <summary>
/// Where one owner's calls to a remote engine go, with that owner's key, and the most of an answer that is
/// read (<c>Engines:MaxAnswerBytes</c>). Never printed with the key.
/// </summary>
internal sealed record EngineAccess(RemoteEngine Engine, Uri BaseUrl, string ApiKey, RemoteEngineOptions Options, long MaxAnswerBytes)
{
    /// <summary>The host as errors name it ("api.openai.com"): never a path, a query or a key.</summary>
    public string Host => BaseUrl.Host;

    /// <summary><paramref name="relative"/> under the base URL, whether or not the base ends with a slash.</summary>
    public Uri Resolve(string relative)
    {
        var root = BaseUrl.AbsoluteUri.EndsWith('/') ? BaseUrl : new Uri(BaseUrl.AbsoluteUri + "/");
        return new Uri(root, relative);
    }

    public override string ToString() => $"{Engine.Name} at {BaseUrl} (key hidden)";
}
