using VoiceNote.Application.Messaging;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Modules.Identity.Application.Sessions;

namespace VoiceNote.Modules.Identity.Application.Accounts.SignIn;

/// <summary>The JSON sign-in for web and phone clients; partners and tools use POST /connect/token.</summary>
internal sealed class SignInEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.V1.MapPost("/auth/sign-in", async (SignInRequest body, HttpContext http, ISender sender, CancellationToken ct) =>
                (await sender.Send(new SignIn(body.Login, body.Password, body.Scope, new SessionDevice(body.DeviceId, body.DeviceModel, http.Connection.RemoteIpAddress?.ToString())), ct))
                .ToOk())
            .AllowAnonymousAccess()
            .RequireRateLimiting("auth")
            .WithTags("Accounts")
            .WithSummary("Sign in with email or username and password; returns access and refresh tokens");

    internal sealed record SignInRequest(string Login, string Password, string? Scope, string? DeviceId, string? DeviceModel);
}
