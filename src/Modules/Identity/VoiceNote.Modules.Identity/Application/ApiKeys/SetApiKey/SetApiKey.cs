using FluentValidation;
using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Infrastructure.Outbound;
using VoiceNote.Modules.Identity.Contracts;

namespace VoiceNote.Modules.Identity.Application.ApiKeys.SetApiKey;

/// <summary>Store (or replace) the caller's key for one provider, encrypted; only its last four characters are ever shown again.</summary>
[Requires(Scope = ApiScopes.ProfileWrite)]
internal sealed record SetApiKey(ApiKeyProvider Provider, string? ApiKey, string? BaseUrl) : ICommand<ApiKeyDto>
{
    /// <summary>A record prints its members; this one holds a secret, so it never prints the key.</summary>
    public override string ToString() => $"SetApiKey {{ Provider = {Provider}, ApiKey = (hidden), BaseUrl = {BaseUrl} }}";
}

/// <summary>
/// The key's shape, and for an OpenAI-compatible server its base URL: an absolute http(s) URL whose host the
/// server may call (docs/decisions/0065): not one that resolves to a loopback, private or link-local address
/// unless the operator allow-listed it (<c>Engines:AllowedHosts</c>), and one that resolves at all. The same rule
/// runs again on every connection, since a name can change what it resolves to.
/// </summary>
internal sealed class SetApiKeyValidator : AbstractValidator<SetApiKey>
{
    public const int MinKeyLength = 8;
    public const int MaxKeyLength = 512;
    public const int MaxBaseUrlLength = 500;

    public SetApiKeyValidator(OutboundGuard guard)
    {
        // Messages never quote the value: a rejected key is still somebody's key.
        RuleFor(k => k.ApiKey).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Send the key.")
            .Must(k => k!.Length is >= MinKeyLength and <= MaxKeyLength).WithMessage($"A key has {MinKeyLength} to {MaxKeyLength} characters.")
            .Must(k => k!.All(c => c is > ' ' and <= '~')).WithMessage("A key is printable ASCII without spaces or line breaks.");

        RuleFor(k => k.BaseUrl).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("An OpenAI-compatible server needs its base URL (e.g. https://llm.example.com/v1).")
            .Must(IsServerUrl).WithMessage($"Use an absolute http(s) URL of at most {MaxBaseUrlLength} characters, without user name, password or fragment.")
            .CustomAsync(async (url, context, cancellationToken) =>
            {
                var verdict = await guard.CheckAsync(new Uri(url!), cancellationToken);
                if (!verdict.Allowed)
                {
                    context.AddFailure(verdict.Reason!);
                }
            })
            .When(k => k.Provider == ApiKeyProvider.OpenAiCompatible);

        RuleFor(k => k.BaseUrl).Empty().WithMessage("Only the OPENAI_COMPATIBLE provider takes a base URL.")
            .When(k => k.Provider != ApiKeyProvider.OpenAiCompatible);
    }

    private static bool IsServerUrl(string? url) =>
        url is { Length: <= MaxBaseUrlLength }
        && Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && uri.UserInfo.Length == 0
        && uri.Fragment.Length == 0
        && !string.IsNullOrEmpty(uri.Host)
        && !url.Any(char.IsControl);
}
