using FluentValidation;
using Mapster;
using Microsoft.EntityFrameworkCore;
using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Infrastructure.Persistence;
using VoiceNote.Modules.Identity.Application.Admins.Common;
using VoiceNote.Modules.Identity.Application.Common;
using VoiceNote.Modules.Identity.Application.Sessions;
using VoiceNote.Modules.Identity.Contracts;
using VoiceNote.Modules.Identity.Infrastructure.Persistence;

namespace VoiceNote.Modules.Identity.Application.Accounts.Me;

[Requires(Scope = ApiScopes.ProfileRead)]
internal sealed record GetMe : IQuery<UserDto>;

/// <summary>A partial update: only the fields sent change. Email, username and admin fields are not settable here.</summary>
[Requires(Scope = ApiScopes.ProfileWrite)]
internal sealed record UpdateMe(string? DisplayName, string? DeviceId, string? DeviceModel) : ICommand<UserDto>;

/// <summary>Soft-delete the caller's own account: sessions end now; data is purged after the grace period.</summary>
[Requires(Scope = ApiScopes.ProfileWrite)]
internal sealed record DeleteMe : ICommand;

internal sealed class UpdateMeValidator : AbstractValidator<UpdateMe>
{
    public UpdateMeValidator()
    {
        RuleFor(u => u.DisplayName).Must(n => n is null || n.Trim().Length is > 0 and <= 100).WithMessage("Use 1 to 100 characters.");
        RuleFor(u => u.DeviceId).MaximumLength(128);
        RuleFor(u => u.DeviceModel).MaximumLength(128);
    }
}

internal sealed class MeHandlers(IdentityDbContext db, ICurrentUser caller, SessionIssuer sessions, UserAdministration administration, TimeProvider clock)
    : IQueryHandler<GetMe, UserDto>, ICommandHandler<UpdateMe, UserDto>, ICommandHandler<DeleteMe>
{
    public async Task<Result<UserDto>> Handle(GetMe request, CancellationToken cancellationToken)
    {
        var userId = caller.Id.Value;
        var user = await db.Users.WithSpecification(new UserById(userId)).ProjectToType<UserDto>(IdentityMappings.Config).FirstOrDefaultAsync(cancellationToken);
        return user is null ? IdentityErrors.UserNotFound : user;
    }

    public async Task<Result<UserDto>> Handle(UpdateMe request, CancellationToken cancellationToken)
    {
        var userId = caller.Id.Value;
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null)
        {
            return IdentityErrors.UserNotFound;
        }

        user.DisplayName = request.DisplayName?.Trim() ?? user.DisplayName;
        user.DeviceId = request.DeviceId ?? user.DeviceId;
        user.DeviceModel = request.DeviceModel ?? user.DeviceModel;
        user.UpdatedAt = clock.GetUtcNow();
        return UserDto.From(user);
    }

    public async Task<Result> Handle(DeleteMe request, CancellationToken cancellationToken)
    {
        // Same lock and rule as the admin routes: the last account that can manage admins may not leave.
        var user = await administration.LockTargetAsync(caller.Id.Value, cancellationToken);
        if (user is null)
        {
            return IdentityErrors.UserNotFound;
        }

        if (await administration.IsLastManagerAsync(user, cancellationToken))
        {
            return AdminErrors.LastAdmin;
        }

        var now = clock.GetUtcNow();
        user.SoftDelete(now);
        await sessions.RevokeAllAsync(user.Id, "account_deleted", except: null, cancellationToken);
        db.Publish(new UserDeleted(user.Id, now));
        return Result.Success();
    }
}

internal sealed class MeEndpoints : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes)
    {
        routes.V1.MapGet("/me", async (ISender sender, CancellationToken ct) => (await sender.Send(new GetMe(), ct)).ToOk())
            .RequireScope(ApiScopes.ProfileRead).WithTags("Accounts").WithName("getMe").Produces<UserDto>().WithSummary("The signed-in account");
        routes.V1.MapPatch("/me", async (UpdateMe command, ISender sender, CancellationToken ct) => (await sender.Send(command, ct)).ToOk())
            .RequireScope(ApiScopes.ProfileWrite).WithTags("Accounts")
            .WithName("updateMe").Produces<UserDto>().WithSummary("Change display name or device");
        routes.V1.MapDelete("/me", async (ISender sender, CancellationToken ct) => (await sender.Send(new DeleteMe(), ct)).ToNoContent())
            // A session narrowed to, say, notes:read must not end the account (issue 10).
            .RequireInteractiveUser().RequireScope(ApiScopes.ProfileWrite)
            .WithTags("Accounts")
            .WithName("deleteMe").Produces(StatusCodes.Status204NoContent).ProducesProblem(409)
            .WithSummary("Delete this account (soft delete; restorable by an admin during the grace period)");
    }
}
