using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Modules.Identity.Application.Common;
using VoiceNote.Modules.Identity.Infrastructure.Persistence;
using VoiceNote.Modules.Identity.Infrastructure.Server;

namespace VoiceNote.Modules.Identity.Application.Sessions.SignOut;

/// <summary>End the caller's current session: its access and refresh tokens stop working at once.</summary>
internal sealed record SignOut : ICommand;

/// <summary>End every session of the caller, on every device.</summary>
internal sealed record SignOutEverywhere : ICommand;

/// <summary>End one of the caller's sessions (e.g. a lost phone).</summary>
internal sealed record RevokeSession(Guid SessionId) : ICommand;

internal sealed class SignOutHandlers(IdentityDbContext db, SessionIssuer sessions, ICurrentUser caller)
    : ICommandHandler<SignOut>, ICommandHandler<SignOutEverywhere>, ICommandHandler<RevokeSession>
{
    public async Task<Result> Handle(SignOut request, CancellationToken cancellationToken) =>
        caller.SessionId is { } current ? await Handle(new RevokeSession(current), cancellationToken) : Result.Success();

    public async Task<Result> Handle(SignOutEverywhere request, CancellationToken cancellationToken)
    {
        await sessions.RevokeAllAsync(caller.Id.Value, "signed_out_everywhere", except: null, cancellationToken);
        return Result.Success();
    }

    public async Task<Result> Handle(RevokeSession request, CancellationToken cancellationToken)
    {
        var userId = caller.Id.Value;
        var session = await db.Sessions.FirstOrDefaultAsync(s => s.Id == request.SessionId && s.UserId == userId, cancellationToken);
        if (session is null)
        {
            return IdentityErrors.SessionNotFound;
        }

        await sessions.RevokeAsync(session, "signed_out", cancellationToken);
        return Result.Success();
    }
}

internal sealed class SignOutEndpoints : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes)
    {
        routes.V1.MapPost("/auth/sign-out", async (HttpContext http, ISender sender, CancellationToken ct) => await EndBrowserSignIn(http, await sender.Send(new SignOut(), ct)))
            .RequireUser().WithTags("Accounts").WithName("signOut").Produces(StatusCodes.Status204NoContent).WithSummary("End the current session");
        routes.V1.MapPost("/auth/sign-out-everywhere", async (HttpContext http, ISender sender, CancellationToken ct) => await EndBrowserSignIn(http, await sender.Send(new SignOutEverywhere(), ct)))
            .RequireInteractiveUser().WithTags("Accounts")
            .WithName("signOutEverywhere").Produces(StatusCodes.Status204NoContent).WithSummary("End every session of this account");
        routes.V1.MapDelete("/auth/sessions/{sessionId}", async (Guid sessionId, ISender sender, CancellationToken ct) => (await sender.Send(new RevokeSession(sessionId), ct)).ToNoContent())
            .RequireInteractiveUser().WithTags("Accounts")
            .WithName("revokeSession").Produces(StatusCodes.Status204NoContent).WithSummary("End one session");
    }

    /// <summary>
    /// Signing out in a browser also ends its sign-in at the authorization server (the /connect cookie),
    /// so the next sign-in there asks for the password again instead of starting a session silently.
    /// </summary>
    private static async Task<IResult> EndBrowserSignIn(HttpContext http, Result result)
    {
        if (result.IsSuccess)
        {
            await http.SignOutAsync(BrowserSignIn.Scheme);
        }

        return result.ToNoContent();
    }
}
