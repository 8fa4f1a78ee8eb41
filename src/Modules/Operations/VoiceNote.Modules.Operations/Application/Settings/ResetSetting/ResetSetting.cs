using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Modules.Operations.Infrastructure.Persistence;

namespace VoiceNote.Modules.Operations.Application.Settings.ResetSetting;

/// <summary>Drops an operator's value, so the configuration files' (or the built-in) value holds again.</summary>
[Requires(Permission = AdminPermissions.CanModifySystemSettings)]
internal sealed record ResetSetting(string Key) : ICommand;

internal sealed class ResetSettingHandler(SettingsCatalog catalog, OperationsDbContext db, ICurrentUser caller, TimeProvider clock) : ICommandHandler<ResetSetting>
{
    public async Task<Result> Handle(ResetSetting request, CancellationToken cancellationToken)
    {
        if (catalog.Find(request.Key) is not { } definition)
        {
            return SettingsErrors.Unknown;
        }

        // Resetting a setting nobody changed is already done: no row, no audit entry.
        if (await db.Settings.FindAsync([definition.Key], cancellationToken) is { } stored)
        {
            db.Settings.Remove(stored);
            db.Publish(SettingAudit.Changed(caller.Id.Value, definition.Key, stored.Value, null, clock.GetUtcNow()));
        }

        return Result.Success();
    }
}

internal sealed class ResetSettingEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.Admin.MapDelete("/settings/{key}", async (string key, ISender sender, CancellationToken ct) =>
            {
                var result = await sender.Send(new ResetSetting(key), ct);
                if (result.IsSuccess)
                {
                    await sender.Send(new ApplyStoredSettings.ApplyStoredSettings(), ct);
                }

                return result.ToNoContent();
            })
            .RequirePermission(AdminPermissions.CanModifySystemSettings).WithTags("Admin")
            .WithName("resetSystemSetting").Produces(StatusCodes.Status204NoContent)
            .WithSummary("Drop an operator's value so the configuration files' value holds again (can_modify_system_settings)");
}
