using FluentValidation;
using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Modules.Cases.Application.Access;
using VoiceNote.Modules.Cases.Application.Common;
using VoiceNote.Modules.Cases.Domain;
using VoiceNote.Modules.Cases.Infrastructure.Persistence;

namespace VoiceNote.Modules.Cases.Application.Cases.UpdateCase;

/// <summary>What an edit may change; a field left out (or null) keeps its value, an empty description clears it.</summary>
internal sealed record CaseChanges(string? Title, string? Description, string? Priority, string? Status);

/// <summary>
/// Changes a case's title, description, priority or open status (closing takes a reason: CloseCase). With
/// <paramref name="IfMatch"/> (the case's ETag) the change applies only to that version; otherwise 412.
/// </summary>
[Requires(Scope = ApiScopes.CasesWrite)]
[CaseAccess(CasePermission.Edit)]
internal sealed record UpdateCase(Guid CaseId, CaseChanges Changes, string? IfMatch = null) : ICommand<CaseDto>, ICaseRequest;

internal sealed class UpdateCaseValidator : AbstractValidator<UpdateCase>
{
    public UpdateCaseValidator()
    {
        RuleFor(c => c.Changes.Title).NotEmpty().MaximumLength(CaseLimits.TitleLength).When(c => c.Changes.Title is not null).OverridePropertyName("title");
        RuleFor(c => c.Changes.Description).MaximumLength(CaseLimits.DescriptionLength).OverridePropertyName("description");
    }
}

internal sealed class UpdateCaseHandler(CasesDbContext db, CaseCaller caller, RepresentationTags tags, TimeProvider clock) : ICommandHandler<UpdateCase, CaseDto>
{
    public async Task<Result<CaseDto>> Handle(UpdateCase request, CancellationToken cancellationToken)
    {
        var edited = await db.LockCaseAsync(request.CaseId, cancellationToken);
        if (tags.Check(request.IfMatch, edited, caller) is { } stale)
        {
            return stale;
        }

        var changes = request.Changes;
        var now = clock.NowForDatabase();
        if (changes.Priority is not null)
        {
            var priority = await db.ActivePriorityAsync(changes.Priority, "priority", cancellationToken);
            if (priority.IsFailure)
            {
                return priority.Error;
            }

            edited.PriorityCode = priority.Value;
        }

        if (changes.Status is not null)
        {
            if (edited.IsClosed)
            {
                return CasesErrors.CaseClosed;
            }

            var status = await db.ActiveStatusAsync(changes.Status, "status", cancellationToken);
            if (status.IsFailure)
            {
                return status.Error;
            }

            edited.SetStatus(status.Value, now);
        }

        if (changes.Title is not null)
        {
            edited.Title = changes.Title.Trim();
        }

        if (changes.Description is not null)
        {
            edited.Description = changes.Description.Length == 0 ? null : changes.Description;
        }

        edited.Touch(now);
        return CaseDto.From(edited, caller.Role, caller.Permissions);
    }
}

internal sealed class UpdateCaseEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.V1.MapPatch("/cases/{id}", async (Guid id, CaseChanges changes, HttpContext http, ISender sender, CancellationToken ct) =>
                (await sender.Send(new UpdateCase(id, changes, http.IfMatch()), ct)).ToTaggedOk(http))
            .RequireScope(ApiScopes.CasesWrite)
            .WithTags("Cases")
            .WithName("updateCase").Produces<CaseDto>().ProducesProblem(409).ProducesProblem(412)
            .WithSummary("Change a case's title, description, priority or open status; If-Match makes it conditional (412 when stale)");
}
