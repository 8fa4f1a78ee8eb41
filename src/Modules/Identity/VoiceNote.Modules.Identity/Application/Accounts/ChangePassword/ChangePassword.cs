using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Modules.Identity.Application.Accounts.Register;
using VoiceNote.Modules.Identity.Application.Common;
using VoiceNote.Modules.Identity.Application.Sessions;
using VoiceNote.Modules.Identity.Contracts;
using VoiceNote.Modules.Identity.Domain;
using VoiceNote.Modules.Identity.Infrastructure.Persistence;

namespace VoiceNote.Modules.Identity.Application.Accounts.ChangePassword;

/// <summary>Change the password; every other session of the account ends, the current one stays.</summary>
[Requires(Scope = ApiScopes.ProfileWrite)]
internal sealed record ChangePassword(string CurrentPassword, string NewPassword) : ICommand;

internal sealed class ChangePasswordValidator : AbstractValidator<ChangePassword>
{
    public ChangePasswordValidator()
    {
        RuleFor(c => c.CurrentPassword).NotEmpty().MaximumLength(128);
        RuleFor(c => c.NewPassword).StrongPassword().NotEqual(c => c.CurrentPassword).WithMessage("Choose a password different from the current one.");
    }
}

internal sealed class ChangePasswordHandler(UserManager<User> users, IdentityDbContext db, SessionIssuer sessions, ICurrentUser caller, TimeProvider clock)
    : ICommandHandler<ChangePassword>
{
    public async Task<Result> Handle(ChangePassword request, CancellationToken cancellationToken)
    {
        var userId = caller.Id.Value;
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null)
        {
            return IdentityErrors.UserNotFound;
        }

        var changed = await users.ChangePasswordAsync(user, request.CurrentPassword, request.NewPassword);
        if (!changed.Succeeded)
        {
            return changed.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch))
                ? IdentityErrors.WrongCurrentPassword
                : RegisterHandler.ToError(changed.Errors);
        }

        user.UpdatedAt = clock.GetUtcNow();
        db.Publish(new PasswordChanged(user.Id, user.UpdatedAt));
        await sessions.RevokeAllAsync(user.Id, "password_changed", except: caller.SessionId, cancellationToken);
        return Result.Success();
    }
}

internal sealed class ChangePasswordEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.V1.MapPost("/me/password", async (ChangePassword command, ISender sender, CancellationToken ct) => (await sender.Send(command, ct)).ToNoContent())
            .RequireInteractiveUser()
            .RequireScope(ApiScopes.ProfileWrite)
            .RequireRateLimiting("auth")
            .WithTags("Accounts")
            .WithName("changePassword").Produces(StatusCodes.Status204NoContent)
            .WithSummary("Change the password (other sessions end)");
}
