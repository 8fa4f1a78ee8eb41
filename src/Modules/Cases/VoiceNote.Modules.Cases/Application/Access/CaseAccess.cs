using VoiceNote.Modules.Cases.Domain;

namespace VoiceNote.Modules.Cases.Application.Access;

/// <summary>A use case that acts inside one case: the case access check (ADR 0076) runs before its handler.</summary>
internal interface ICaseRequest
{
    Guid CaseId { get; }
}

/// <summary>
/// What a case use case needs of its caller's participation. Every <see cref="ICaseRequest"/> declares it, and
/// <see cref="CaseAccessBehaviour{TRequest,TResponse}"/> checks it on every send, in this one place.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
internal sealed class CaseAccessAttribute(CasePermission permission) : Attribute
{
    public CasePermission Permission { get; } = permission;

    /// <summary>The use case also works on a case in the trash (reading it, restoring it); others answer 409 there.</summary>
    public bool InTrash { get; init; }
}

/// <summary>The caller's participation in the case of the request being handled, as the access check found it.</summary>
internal sealed class CaseCaller
{
    private CaseParticipantView? _participant;

    public CaseParticipantView Participant =>
        _participant ?? throw new InvalidOperationException("No case access check ran for this request; implement ICaseRequest and declare [CaseAccess].");

    public CaseRole Role => Participant.Role;

    public CasePermission Permissions => Participant.Permissions;

    public void Admit(CaseParticipantView participant) => _participant = participant;
}

/// <summary>A participant row as the check reads it, with the case's trash flag.</summary>
internal sealed record CaseParticipantView(Guid CaseId, CaseRole Role, CasePermission Permissions, bool CaseIsDeleted);
