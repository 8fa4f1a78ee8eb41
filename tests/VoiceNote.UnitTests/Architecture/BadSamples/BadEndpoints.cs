using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;

// Planted endpoints for the endpoint rules: the host never maps this assembly; the tests map it on a
// throw-away application to see what the rules report. Types named Bad* must be reported, Good* not.
#pragma warning disable CA1812
namespace VoiceNote.UnitTests.Architecture.BadSamples.Endpoints;

[Requires(Scope = ApiScopes.NotesRead)]
internal sealed record SampleReadNote(Guid Id) : IQuery<int>
{
    /// <summary>A query-string parser like the real list endpoints have: the request is built here, not in the endpoint.</summary>
    public static Result<SampleReadNote> Parse(string? id) =>
        Guid.TryParse(id, out var parsed) ? new SampleReadNote(parsed) : ValidationError.For("id", "Not a Guid.");
}

[Requires(Scope = ApiScopes.NotesWrite)]
internal sealed record SampleWriteNote(Guid Id) : ICommand;

[Requires(Permission = AdminPermissions.CanViewAllNotes)]
internal sealed record SampleAdminQuery(Guid Id) : IQuery<int>;

[AnonymousAllowed]
internal sealed record SampleSignUp(string Name) : ICommand;

internal sealed class SampleDbContext(DbContextOptions<SampleDbContext> options) : DbContext(options);

/// <summary>Scope matches the query's; the request is built by a parser the endpoint calls.</summary>
internal sealed class GoodReadEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.V1.MapGet("/samples/notes", async (string? id, [FromServices] ISender sender, CancellationToken ct) =>
                SampleReadNote.Parse(id) is { IsSuccess: true } query ? (await sender.Send(query.Value, ct)).ToOk() : Results.BadRequest())
            .RequireScope(ApiScopes.NotesRead);
}

/// <summary>Public, with a bound [AnonymousAllowed] command, handled by a method rather than a lambda.</summary>
internal sealed class GoodSignUpEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.V1.MapPost("/samples/sign-up", Handle).AllowAnonymousAccess();

    private static async Task<IResult> Handle(SampleSignUp command, [FromServices] ISender sender, CancellationToken ct) =>
        (await sender.Send(command, ct)).ToNoContent();
}

/// <summary>Permission matches the query's; the request is built in a local function.</summary>
internal sealed class GoodAdminEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.Admin.MapGet("/samples/{id:guid}", async (Guid id, [FromServices] ISender sender, CancellationToken ct) =>
            {
                SampleAdminQuery Query() => new(id);
                return (await sender.Send(Query(), ct)).ToOk();
            })
            .RequirePermission(AdminPermissions.CanViewAllNotes);
}

/// <summary>Reads a DbContext instead of sending a query (rules a, b, e).</summary>
internal sealed class BadDbContextEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.V1.MapGet("/samples/db", async ([FromServices] SampleDbContext db, CancellationToken ct) => TypedResults.Ok(await db.Database.CanConnectAsync(ct)))
            .RequireScope(ApiScopes.NotesRead);
}

/// <summary>Fetches a service inside an async lambda instead of sending a query (rules a, b, e).</summary>
internal sealed class BadServiceEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.V1.MapGet("/samples/me", async (HttpContext http) =>
            {
                await Task.Yield();
                return TypedResults.Ok(http.RequestServices.GetRequiredService<ICurrentUser>().IdOrNull?.Value);
            })
            .RequireScope(ApiScopes.ProfileRead);
}

/// <summary>Asks for notes:read but sends a command that requires notes:write (rule b).</summary>
internal sealed class BadScopeEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.V1.MapPut("/samples/notes/{id:guid}", async (Guid id, [FromServices] ISender sender, CancellationToken ct) =>
                (await sender.Send(new SampleWriteNote(id), ct)).ToNoContent())
            .RequireScope(ApiScopes.NotesRead);
}

/// <summary>Asks for a different permission than its query's (rule b).</summary>
internal sealed class BadPermissionEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.Admin.MapDelete("/samples/{id:guid}", async (Guid id, [FromServices] ISender sender, CancellationToken ct) =>
                (await sender.Send(new SampleAdminQuery(id), ct)).ToOk())
            .RequirePermission(AdminPermissions.CanDeleteUsers);
}

/// <summary>Public, but its query needs a signed-in caller with notes:read (rule b).</summary>
internal sealed class BadPublicEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.V1.MapPost("/samples/public", async ([FromServices] ISender sender, CancellationToken ct) =>
                (await sender.Send(new SampleReadNote(Guid.Empty), ct)).ToOk())
            .AllowAnonymousAccess();
}

/// <summary>Needs a signed-in caller, but its command is [AnonymousAllowed] (rule b).</summary>
internal sealed class BadSignedInEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.V1.MapPost("/samples/sign-up-again", async ([FromServices] ISender sender, CancellationToken ct) =>
                (await sender.Send(new SampleSignUp("again"), ct)).ToNoContent())
            .RequireUser();
}

/// <summary>Builds a query but answers without sending it (rule e).</summary>
internal sealed class BadUnsentEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.V1.MapGet("/samples/unsent/{id:guid}", (Guid id) => TypedResults.Ok(new SampleReadNote(id)))
            .RequireScope(ApiScopes.NotesRead);
}
#pragma warning restore CA1812
