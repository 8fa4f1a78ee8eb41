using VoiceNote.Application.IntegrationEvents;
using VoiceNote.Modules.Activity.Domain;
using VoiceNote.Modules.Identity.Contracts;

namespace VoiceNote.Modules.Activity.Application.Recording;

// What the Identity module publishes becomes the accounts' security log and the operators' record of admin actions.

internal sealed class RecordUserSignedIn(ActivityRecorder log) : IIntegrationEventHandler<UserSignedIn>
{
    public Task Handle(UserSignedIn integrationEvent, CancellationToken cancellationToken)
    {
        log.Record(integrationEvent, ActivityTypes.SignIn, integrationEvent.UserId, User(integrationEvent.UserId), clientId: integrationEvent.ClientId);
        return Task.CompletedTask;
    }

    internal static ActivityItem User(Guid userId) => new(ActivityItems.User, userId);
}

/// <summary>On the account the login named; with no user at all when it named none (nothing of what was typed is kept).</summary>
internal sealed class RecordSignInFailed(ActivityRecorder log) : IIntegrationEventHandler<SignInFailed>
{
    public Task Handle(SignInFailed integrationEvent, CancellationToken cancellationToken)
    {
        var account = integrationEvent.UserId;
        log.Record(integrationEvent, ActivityTypes.SignInFailed, account, account is { } id ? RecordUserSignedIn.User(id) : null,
            details: new { reason = integrationEvent.Reason }, clientId: integrationEvent.ClientId);
        return Task.CompletedTask;
    }
}

internal sealed class RecordPasswordChanged(ActivityRecorder log) : IIntegrationEventHandler<PasswordChanged>
{
    public Task Handle(PasswordChanged integrationEvent, CancellationToken cancellationToken)
    {
        log.Record(integrationEvent, ActivityTypes.PasswordChanged, integrationEvent.UserId, RecordUserSignedIn.User(integrationEvent.UserId));
        return Task.CompletedTask;
    }
}

internal sealed class RecordAdminActionTaken(ActivityRecorder log) : IIntegrationEventHandler<AdminActionTaken>
{
    public Task Handle(AdminActionTaken integrationEvent, CancellationToken cancellationToken)
    {
        var target = integrationEvent.TargetUserId;
        log.Record(integrationEvent, ActivityTypes.AdminAction, integrationEvent.AdminId, target is { } id ? RecordUserSignedIn.User(id) : null,
            subjectUserId: target, details: integrationEvent.Details is { } changed ? new { action = integrationEvent.Action, changed } : new { action = integrationEvent.Action });
        return Task.CompletedTask;
    }
}

/// <summary>Deleted by its owner or by an admin: the actor is whoever's request it was, else the account itself.</summary>
internal sealed class RecordUserDeleted(ActivityRecorder log) : IIntegrationEventHandler<UserDeleted>
{
    public Task Handle(UserDeleted integrationEvent, CancellationToken cancellationToken)
    {
        log.Record(integrationEvent, ActivityTypes.AccountDeleted, integrationEvent.Origin?.UserId ?? integrationEvent.UserId,
            RecordUserSignedIn.User(integrationEvent.UserId), subjectUserId: integrationEvent.UserId);
        return Task.CompletedTask;
    }
}

internal sealed class RecordUserRestored(ActivityRecorder log) : IIntegrationEventHandler<UserRestored>
{
    public Task Handle(UserRestored integrationEvent, CancellationToken cancellationToken)
    {
        log.Record(integrationEvent, ActivityTypes.AccountRestored, integrationEvent.Origin?.UserId ?? integrationEvent.UserId,
            RecordUserSignedIn.User(integrationEvent.UserId), subjectUserId: integrationEvent.UserId);
        return Task.CompletedTask;
    }
}
