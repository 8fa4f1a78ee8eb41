using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using VoiceNote.Application.Idempotency;
using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Infrastructure.Persistence;
using VoiceNote.Modules.Cases.Application.Common;
using VoiceNote.Modules.Cases.Contracts;
using VoiceNote.Modules.Cases.Domain;
using VoiceNote.Modules.Cases.Infrastructure.Persistence;

namespace VoiceNote.Modules.Cases.Application.Cases.CreateCase;

/// <summary>The body of a case creation.</summary>
/// <param name="Priority">a code of the priority table; MEDIUM when left out</param>
/// <param name="Status">an open status of the status table; ACTIVE when left out</param>
internal sealed record CaseFields(string? Title, string? Description, string? Priority, string? Status);

/// <summary>
/// Opens a case with the caller as its first owner; it gets the next code of the year (ADR 0077). Sent again with
/// the same Idempotency-Key and body, it answers the case the first request made, as the caller may see it now
/// (ADR 0067): a creator who is no longer in it gets 404, as for any case they are not in.
/// </summary>
[Requires(Scope = ApiScopes.CasesWrite)]
internal sealed record CreateCase(string? Title, string? Description, string? Priority, string? Status, IdempotentRequest? Idempotency = null)
    : ICommand<Creation<CaseDto>>;

internal sealed class CreateCaseValidator : AbstractValidator<CreateCase>
{
    public CreateCaseValidator()
    {
        RuleFor(c => c.Title).NotEmpty().MaximumLength(CaseLimits.TitleLength);
        RuleFor(c => c.Description).MaximumLength(CaseLimits.DescriptionLength);
    }
}

internal sealed class CreateCaseHandler(CasesDbContext db, ICurrentUser caller, TimeProvider clock) : ICommandHandler<CreateCase, Creation<CaseDto>>
{
    public async Task<Result<Creation<CaseDto>>> Handle(CreateCase request, CancellationToken cancellationToken)
    {
        if (request.Idempotency is { } idempotency)
        {
            // Retries under one key take turns from here to their commit, before the year's code counter is
            // bumped: the second finds the first one's case instead of taking a code it would roll back to
            // its savepoint but not give back (the counter's bump is outside it).
            await db.Database.ExecuteSqlAsync(
                $"SELECT pg_advisory_xact_lock(hashtextextended({"cases.create:" + caller.Id.Value.ToString("N") + ":" + idempotency.Key}, 0))",
                cancellationToken);
        }

        var made = await IdempotentCreate.RunAsync(db, request.Idempotency, EarlierAsync, ct => CreateAsync(request, ct), AnswerAsync, cancellationToken);
        if (made.IsFailure)
        {
            return made.Error;
        }

        return made.Value.Value is { } answer ? new Creation<CaseDto>(answer, made.Value.Created) : CasesErrors.CaseNotFound;
    }

    private async Task<Result<Case>> CreateAsync(CreateCase request, CancellationToken cancellationToken)
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
        return opened;
    }

    private Task<Case?> EarlierAsync(string key, CancellationToken cancellationToken) =>
        db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.CreatedBy == caller.Id && c.IdempotencyKey == key, cancellationToken);

    /// <summary>The case as the caller sees it: null when they are no longer in it (or it is in the trash and they do not own it).</summary>
    private async Task<CaseDto?> AnswerAsync(Case made, bool now, CancellationToken cancellationToken)
    {
        if (now)
        {
            return CaseDto.From(made, CaseRole.Owner, CasePermissions.DefaultsOf(CaseRole.Owner));
        }

        var me = await db.Participants.AsNoTracking().FirstOrDefaultAsync(p => p.CaseId == made.Id && p.UserId == caller.Id, cancellationToken);
        return me is null || (made.IsDeleted && me.Role != CaseRole.Owner) ? null : CaseDto.From(made, me.Role, me.Permissions);
    }
}

internal sealed class CreateCaseEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.V1.MapPost("/cases", async (CaseFields body, [FromHeader(Name = IdempotentAnswers.Header)] string? idempotencyKey, ISender sender, CancellationToken ct) =>
            {
                var idempotency = IdempotentAnswers.Read(idempotencyKey, body);
                if (idempotency.IsFailure)
                {
                    return ProblemResults.From(idempotency.Error);
                }

                var created = await sender.Send(new CreateCase(body.Title, body.Description, body.Priority, body.Status, idempotency.Value), ct);
                return created.ToHttp(made => IdempotentAnswers.Answer(made, c => $"/api/v1/cases/{c.Id}"));
            })
            .RequireScope(ApiScopes.CasesWrite)
            .WithTags("Cases")
            .WithName("createCase").Produces<CaseDto>(StatusCodes.Status201Created)
            .Produces<CaseDto>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Open a case; the caller becomes its owner and it gets the next code (VN-<year>-<number>); the same Idempotency-Key and body again answer 200 with that case");
}
