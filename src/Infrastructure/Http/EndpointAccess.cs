using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using VoiceNote.Infrastructure.Security;

namespace VoiceNote.Infrastructure.Http;

/// <summary>What an endpoint needs from its caller, as metadata the route table (and its tests) can read.</summary>
public sealed record AccessRequirement(AccessKind Kind, string? Value = null);

public enum AccessKind
{
    /// <summary>Anybody: sign-up, sign-in, token, discovery.</summary>
    Anonymous,

    /// <summary>Any valid access token.</summary>
    User,

    /// <summary>A person's own session (not a partner client), e.g. managing clients and keys.</summary>
    InteractiveUser,

    /// <summary>A token carrying this OAuth scope.</summary>
    Scope,

    /// <summary>An admin holding this permission.</summary>
    Permission,
}

/// <summary>
/// The one way endpoints declare access. Each call adds an <see cref="AccessRequirement"/> and the
/// matching authorization policy; the /api/v1 group already demands a signed-in caller.
/// </summary>
public static class EndpointAccess
{
    public static TBuilder AllowAnonymousAccess<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new AccessRequirement(AccessKind.Anonymous)).AllowAnonymous();

    public static TBuilder RequireUser<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new AccessRequirement(AccessKind.User)).RequireAuthorization(policy => policy.RequireAuthenticatedUser());

    public static TBuilder RequireInteractiveUser<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new AccessRequirement(AccessKind.InteractiveUser))
            .RequireAuthorization(policy => policy.RequireAuthenticatedUser().RequireAssertion(context => IsInteractive(context)));

    public static TBuilder RequireScope<TBuilder>(this TBuilder builder, string scope)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new AccessRequirement(AccessKind.Scope, scope))
            .RequireAuthorization(policy => policy.RequireAuthenticatedUser().RequireAssertion(context => VoiceNoteClaims.HasScope(context.User, scope)));

    public static TBuilder RequirePermission<TBuilder>(this TBuilder builder, string permission)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new AccessRequirement(AccessKind.Permission, permission))
            .RequireAuthorization(policy => policy.RequireAuthenticatedUser().RequireClaim(VoiceNoteClaims.Permission, permission));

    private static bool IsInteractive(AuthorizationHandlerContext context) => VoiceNoteClaims.IsInteractive(context.User);
}
