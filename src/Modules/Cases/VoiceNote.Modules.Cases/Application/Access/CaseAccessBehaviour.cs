using System.Collections.Concurrent;
using System.Reflection;
using MediatR;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Modules.Cases.Application.Common;
using VoiceNote.Modules.Cases.Domain;
using VoiceNote.Modules.Cases.Infrastructure.Persistence;

namespace VoiceNote.Modules.Cases.Application.Access;

/// <summary>
/// The one place case access is decided (ADR 0076). For every <see cref="ICaseRequest"/> it reads the caller's
/// participant row afresh (so a removal applies to the very next request) and answers:
/// 404 when the caller is not a participant (as for another user's note: a case's existence never leaks),
/// 404 too for a case in the trash unless the caller owns it, 409 for an owner's change to a trashed case,
/// 403 with <c>cases.forbidden</c> when the role lacks the declared permission; otherwise the handler runs.
/// It runs inside the command's transaction, after authentication, scopes and validation.
/// </summary>
internal sealed class CaseAccessBehaviour<TRequest, TResponse>(CasesDbContext db, ICurrentUser currentUser, CaseCaller caller)
    : IPipelineBehavior<TRequest, TResponse>
{
    private static readonly ConcurrentDictionary<Type, CaseAccessAttribute> Declared = new();

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (request is not ICaseRequest caseRequest || currentUser.IdOrNull is not { } me)
        {
            return await next();
        }

        var access = Declared.GetOrAdd(typeof(TRequest), type => type.GetCustomAttribute<CaseAccessAttribute>(inherit: false)
            ?? throw new InvalidOperationException($"{type.Name} is a case request without [CaseAccess]: declare what it needs."));

        var participant = await db.ParticipationAsync(caseRequest.CaseId, me, cancellationToken);
        if (participant is null)
        {
            return Fail(CasesErrors.CaseNotFound);
        }

        if (participant.CaseIsDeleted && !access.InTrash)
        {
            return Fail(participant.Role == CaseRole.Owner ? CasesErrors.CaseInTrash : CasesErrors.CaseNotFound);
        }

        if (participant.CaseIsDeleted && participant.Role != CaseRole.Owner)
        {
            return Fail(CasesErrors.CaseNotFound);
        }

        if ((participant.Permissions & access.Permission) != access.Permission)
        {
            return Fail(CasesErrors.Forbidden);
        }

        caller.Admit(participant);
        return await next();
    }

    private static TResponse Fail(Error error) => CaseResults.Failure<TResponse>(error);
}
