using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Modules.Identity.Application.Common;
using VoiceNote.Modules.Identity.Domain;
using VoiceNote.Modules.Identity.Infrastructure.Persistence;

namespace VoiceNote.Modules.Identity.Application.Accounts.Register;

[AnonymousAllowed]
internal sealed record Register(string Email, string Username, string Password, string? DisplayName, string? DeviceId, string? DeviceModel) : ICommand<UserDto>;

internal sealed class RegisterValidator : AbstractValidator<Register>
{
    public RegisterValidator()
    {
        RuleFor(r => r.Email).ValidEmail();
        RuleFor(r => r.Username).ValidUsername();
        RuleFor(r => r.Password).StrongPassword();
        RuleFor(r => r.DisplayName).ShortText(100);
        RuleFor(r => r.DeviceId).ShortText(128);
        RuleFor(r => r.DeviceModel).ShortText(128);
    }
}

internal sealed class RegisterHandler(UserManager<User> users, IdentityDbContext db, TimeProvider clock, IOptionsMonitor<RegistrationOptions> registration)
    : ICommandHandler<Register, UserDto>
{
    public async Task<Result<UserDto>> Handle(Register request, CancellationToken cancellationToken)
    {
        if (!registration.CurrentValue.RegistrationOpen)
        {
            return IdentityErrors.RegistrationClosed;
        }

        var now = clock.GetUtcNow();
        var user = new User
        {
            Id = Guid.CreateVersion7(),
            Email = IdentityRules.NormalizeEmail(request.Email),
            UserName = request.Username,
            DisplayName = string.IsNullOrWhiteSpace(request.DisplayName) ? request.Username : request.DisplayName.Trim(),
            DeviceId = request.DeviceId,
            DeviceModel = request.DeviceModel,
            CreatedAt = now,
            UpdatedAt = now,
        };

        var created = await users.CreateAsync(user, request.Password);
        if (!created.Succeeded)
        {
            return ToError(created.Errors);
        }

        db.Profiles.Add(UserProfile.For(user.Id, now));
        return UserDto.From(user);
    }

    internal static Error ToError(IEnumerable<IdentityError> errors)
    {
        var list = errors.ToList();
        if (list.Any(e => e.Code == nameof(IdentityErrorDescriber.DuplicateEmail)))
        {
            return IdentityErrors.EmailTaken;
        }

        if (list.Any(e => e.Code == nameof(IdentityErrorDescriber.DuplicateUserName)))
        {
            return IdentityErrors.UsernameTaken;
        }

        var field = list.Any(e => e.Code.StartsWith("Password", StringComparison.Ordinal)) ? "password" : "username";
        return new ValidationError(new Dictionary<string, string[]> { [field] = list.Select(e => e.Description).ToArray() });
    }
}

internal sealed class RegisterEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.V1.MapPost("/auth/register", async (Register command, ISender sender, CancellationToken ct) =>
                (await sender.Send(command, ct)).ToHttp(user => TypedResults.Created("/api/v1/me", user)))
            .AllowAnonymousAccess() // rate limited per address with sign-in (the host's UseCredentialRateLimiting)
            .WithTags("Accounts")
            .WithName("register").Produces<UserDto>(StatusCodes.Status201Created).ProducesProblem(403).ProducesProblem(409).ProducesProblem(429)
            .WithSummary("Create an account");
}
