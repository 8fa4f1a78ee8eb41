using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Modules.Operations.Infrastructure.Settings;

namespace VoiceNote.Modules.Operations.Application.Settings.ApplyStoredSettings;

/// <summary>
/// Puts the stored settings in force in this process now, sent after a change has committed; the other processes
/// read it on their next refresh (ADR 0086).
/// </summary>
[Requires(Permission = AdminPermissions.CanModifySystemSettings)]
internal sealed record ApplyStoredSettings : ICommand;

internal sealed class ApplyStoredSettingsHandler(SettingsRefresher refresher) : ICommandHandler<ApplyStoredSettings>
{
    public async Task<Result> Handle(ApplyStoredSettings request, CancellationToken cancellationToken)
    {
        await refresher.RefreshAsync(cancellationToken);
        return Result.Success();
    }
}
