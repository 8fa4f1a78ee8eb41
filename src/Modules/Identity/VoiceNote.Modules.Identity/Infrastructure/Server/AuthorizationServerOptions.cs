namespace VoiceNote.Modules.Identity.Infrastructure.Server;

/// <summary>Bound from "Identity": where the authorization server is reached and the web app's callbacks.</summary>
internal sealed class AuthorizationServerOptions
{
    public const string Section = "Identity";

    /// <summary>
    /// The public base URL (e.g. https://notes.example.com/): the "iss" of every token and the issuer in
    /// discovery, which clients compare with the URL they fetched it from (RFC 8414 §3.3). When unset,
    /// the URL of each request is used, which only suits a single host name.
    /// </summary>
    public Uri? Issuer { get; set; }

    /// <summary>Where the web app (client "voicenote-web") may receive authorization codes.</summary>
    public List<string> WebRedirectUris { get; set; } = [];

    /// <summary>Allow http issuers and callbacks (local runs and tests); a deployment behind TLS leaves it false.</summary>
    public bool AllowHttp { get; set; }
}
