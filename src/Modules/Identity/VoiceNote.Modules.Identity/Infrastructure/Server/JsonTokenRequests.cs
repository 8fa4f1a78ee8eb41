using Microsoft.AspNetCore;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using VoiceNote.Infrastructure.Security;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace VoiceNote.Modules.Identity.Infrastructure.Server;

/// <summary>
/// The JSON sign-in and refresh (seed 003) are token endpoint addresses too: their JSON body becomes
/// the equivalent password or refresh_token request from the product's app, so they run through the
/// same server, rules and token shape. Other addresses keep OpenIddict's form-encoded reading.
/// </summary>
internal sealed class JsonTokenRequests : IOpenIddictServerHandler<ExtractTokenRequestContext>
{
    public const string UnsupportedMediaType = "unsupported_media_type";

    private static readonly OpenIddictServerAspNetCoreHandlers.ExtractPostRequest<ExtractTokenRequestContext> FormReader = new();

    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ExtractTokenRequestContext>()
            .UseSingletonHandler<JsonTokenRequests>()
            .SetOrder(OpenIddictServerAspNetCoreHandlers.ExtractPostRequest<ExtractTokenRequestContext>.Descriptor.Order)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public async ValueTask HandleAsync(ExtractTokenRequestContext context)
    {
        var request = context.Transaction.GetHttpRequest() ?? throw new InvalidOperationException("Not an ASP.NET Core request.");
        if (!OpenIddictRegistration.IsJsonAddress(request))
        {
            await FormReader.HandleAsync(context);
            return;
        }

        if (!HttpMethods.IsPost(request.Method) || request.HasFormContentType || !request.HasJsonContentType())
        {
            context.Reject(UnsupportedMediaType, "Send the request as application/json.");
            return;
        }

        JsonElement body;
        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: context.CancellationToken);
            body = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            context.Reject(Errors.InvalidRequest, "The body is not valid JSON.");
            return;
        }

        if (body.ValueKind != JsonValueKind.Object)
        {
            context.Reject(Errors.InvalidRequest, "The body must be a JSON object.");
            return;
        }

        var signIn = request.Path.Equals(OpenIddictRegistration.JsonSignInPath, StringComparison.OrdinalIgnoreCase);
        var oauth = new OpenIddictRequest { ClientId = VoiceNoteClients.App, GrantType = signIn ? GrantTypes.Password : GrantTypes.RefreshToken };
        var fields = signIn
            ? new[] { ("login", Parameters.Username), ("password", Parameters.Password), ("scope", Parameters.Scope), ("deviceId", "device_id"), ("deviceModel", "device_model") }
            : new[] { ("refreshToken", Parameters.RefreshToken) };
        foreach (var (json, parameter) in fields)
        {
            if (!TryRead(body, json, out var value))
            {
                context.Reject(Errors.InvalidRequest, $"'{json}' must be a string.");
                return;
            }

            if (value is not null)
            {
                oauth.SetParameter(parameter, value);
            }
        }

        context.Transaction.Request = oauth;
    }

    private static bool TryRead(JsonElement body, string name, out string? value)
    {
        value = null;
        foreach (var property in body.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                if (property.Value.ValueKind == JsonValueKind.Null)
                {
                    return true;
                }

                if (property.Value.ValueKind != JsonValueKind.String)
                {
                    return false;
                }

                value = property.Value.GetString();
                return true;
            }
        }

        return true;
    }
}

/// <summary>
/// Errors OpenIddict itself raises at the JSON addresses (a missing field, a spent refresh token)
/// answer as the API's problem details; at /connect/token they stay RFC 6749 JSON.
/// </summary>
internal sealed class JsonTokenProblems : IOpenIddictServerHandler<ApplyTokenResponseContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ApplyTokenResponseContext>()
            .UseSingletonHandler<JsonTokenProblems>()
            .SetOrder(OpenIddictServerAspNetCoreHandlers.ProcessJsonResponse<ApplyTokenResponseContext>.Descriptor.Order - 1)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public async ValueTask HandleAsync(ApplyTokenResponseContext context)
    {
        var request = context.Transaction.GetHttpRequest();
        if (request is null || !OpenIddictRegistration.IsJsonAddress(request) || string.IsNullOrEmpty(context.Response.Error))
        {
            return;
        }

        var refresh = request.Path.Equals(OpenIddictRegistration.JsonRefreshPath, StringComparison.OrdinalIgnoreCase);
        var (status, code) = context.Response.Error switch
        {
            JsonTokenRequests.UnsupportedMediaType => (StatusCodes.Status415UnsupportedMediaType, "unsupported_media_type"),
            Errors.InvalidGrant or Errors.InvalidToken when refresh => (StatusCodes.Status401Unauthorized, "auth.invalid_refresh_token"),
            Errors.InvalidGrant => (StatusCodes.Status401Unauthorized, "auth.invalid_credentials"),
            Errors.InvalidScope => (StatusCodes.Status400BadRequest, "auth.invalid_scope"),
            Errors.InvalidRequest => (StatusCodes.Status400BadRequest, "validation_failed"),
            _ => (StatusCodes.Status400BadRequest, "auth." + context.Response.Error),
        };

        var http = request.HttpContext;
        http.Response.StatusCode = status;
        http.Response.Headers.CacheControl = "no-store";
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails { Status = status, Detail = context.Response.ErrorDescription, Extensions = { ["code"] = code } },
        });
        context.HandleRequest();
    }
}
