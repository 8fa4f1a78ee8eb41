using FluentValidation;
using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Modules.Cases.Application.Common;
using VoiceNote.Modules.Cases.Contracts;
using VoiceNote.Modules.Cases.Domain;
using VoiceNote.Modules.Cases.Infrastructure.Persistence;

namespace VoiceNote.Modules.Cases.Application.Cases.CreateCase;

/// <summary>Opens a case with the caller as its first owner; it gets the next code of the year (ADR 0077).</summary>
/// <param name="Priority">a code of the priority table; MEDIUM when left out</param>
/// <param name="Status">an open status of the status table; ACTIVE when left out</param>
[Requires(Scope = ApiScopes.CasesWrite)]
internal sealed record CreateCase(string? Title, string? Description, string? Priority, string? Status) : ICommand<CaseDto>;

internal sealed class CreateCaseValidator : AbstractValidator<CreateCase>
{
    public CreateCaseValidator()
    {
        RuleFor(c => c.Title).NotEmpty().MaximumLength(CaseLimits.TitleLength);
        RuleFor(c => c.Description).MaximumLength(CaseLimits.DescriptionLength);
    }
}

internal sealed class CreateCaseHandler(CasesDbContext db, ICurrentUser caller, TimeProvider clock) : ICommandHandler<CreateCase, CaseDto>
{
    public async Task<Result<CaseDto>> Handle(CreateCase request, CancellationToken cancellationToken)
    {
        var priority = await db.ActivePriorityAsync(request.Priority ?? CasePriority.Medium, "priority", cancellationToken);
        if (priority.IsFailure)
        {
            return priority.Error;
        }

        var status = await db.ActiveStatusAsync(request.Status ?? CaseStatus.Active, "status", cancellationToken);
        if (status.IsFailure)
        {
            return status.Error;
        }

        var now = clock.NowForDatabase();
        var code = await db.NextAsync(now, cancellationToken);
        var opened = Case.Open(code, request.Title!.Trim(), request.Description, priority.Value, status.Value, caller.Id, now);
        db.Cases.Add(opened);
        db.Publish(new CaseCreated(opened.Id, code, caller.Id.Value, now));
        return CaseDto.From(opened, CaseRole.Owner, CasePermissions.DefaultsOf(CaseRole.Owner));
    }
}

internal sealed class CreateCaseEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.V1.MapPost("/cases", async (CreateCase command, ISender sender, CancellationToken ct) =>
                (await sender.Send(command, ct)).ToHttp(created => TypedResults.Created($"/api/v1/cases/{created.Id}", created)))
            .RequireScope(ApiScopes.CasesWrite)
            .WithTags("Cases")
            .WithName("createCase").Produces<CaseDto>(StatusCodes.Status201Created)
            .WithSummary("Open a case; the caller becomes its owner and it gets the next code (VN-<year>-<number>)");
}
