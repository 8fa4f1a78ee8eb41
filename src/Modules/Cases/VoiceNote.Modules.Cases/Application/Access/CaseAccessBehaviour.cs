using System.Collections.Concurrent;
using System.Reflection;
using MediatR;
using Microsoft.EntityFrameworkCore;
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

        var caseId = caseRequest.CaseId;
        var row = await db.Participants.AsNoTracking()
            .Where(p => p.CaseId == caseId && p.UserId == me)
            .Join(db.Cases, p => p.CaseId, c => c.Id, (p, c) => new { p.Role, p.GrantedPermissions, c.IsDeleted })
            .FirstOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return Fail(CasesErrors.CaseNotFound);
        }

        if (row.IsDeleted && !access.InTrash)
        {
            return Fail(row.Role == CaseRole.Owner ? CasesErrors.CaseInTrash : CasesErrors.CaseNotFound);
        }

        if (row.IsDeleted && row.Role != CaseRole.Owner)
        {
            return Fail(CasesErrors.CaseNotFound);
        }

        var permissions = CasePermissions.Effective(row.Role, row.GrantedPermissions);
        if ((permissions & access.Permission) != access.Permission)
        {
            return Fail(CasesErrors.Forbidden);
        }

        caller.Admit(new CaseParticipantView(caseId, row.Role, permissions, row.IsDeleted));
        return await next();
    }

    private static TResponse Fail(Error error) => CaseResults.Failure<TResponse>(error);
}
