using System.Text.Json;
using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Modules.Operations.Domain;
using VoiceNote.Modules.Operations.Infrastructure.Persistence;

namespace VoiceNote.Modules.Operations.Application.Settings.ChangeSetting;

/// <summary>An operator's new value for a declared setting: checked, stored, audited, and in force everywhere within seconds.</summary>
[Requires(Permission = AdminPermissions.CanModifySystemSettings)]
internal sealed record ChangeSetting(string Key, JsonElement Value) : ICommand<SettingDto>;

/// <summary>The body of <c>PUT /admin/settings/{key}</c>.</summary>
public sealed record SettingValueBody(object? Value);

internal sealed class ChangeSettingHandler(SettingsCatalog catalog, OperationsDbContext db, ICurrentUser caller, TimeProvider clock, IServiceProvider services)
    : ICommandHandler<ChangeSetting, SettingDto>
{
    public async Task<Result<SettingDto>> Handle(ChangeSetting request, CancellationToken cancellationToken)
    {
        if (catalog.Find(request.Key) is not { } definition)
        {
            return SettingsErrors.Unknown;
        }

        var (json, error) = SettingValues.Check(definition, request.Value);
        if (json is null)
        {
            return SettingsErrors.Invalid(error!);
        }

        var now = clock.GetUtcNow();
        var stored = await db.Settings.FindAsync([definition.Key], cancellationToken);
        var previous = stored?.Value;
        if (stored is null)
        {
            stored = new SystemSetting { Key = definition.Key, Value = json };
            db.Settings.Add(stored);
        }

        stored.Value = json;
        stored.UpdatedAt = now;
        stored.UpdatedBy = caller.Id.Value;
        db.Publish(SettingAudit.Changed(caller.Id.Value, definition.Key, previous, json, now));
        return SettingDto.From(definition, services, stored) with { Value = JsonDocument.Parse(json).RootElement.Clone() };
    }
}

internal sealed class ChangeSettingEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.Admin.MapPut("/settings/{key}", async (string key, SettingValueBody body, ISender sender, CancellationToken ct) =>
            {
                var result = await sender.Send(new ChangeSetting(key, body.Value is JsonElement value ? value : default), ct);
                if (result.IsSuccess)
                {
                    // In force in this process at once; the others read it on their next refresh.
                    await sender.Send(new ApplyStoredSettings.ApplyStoredSettings(), ct);
                }

                return result.ToOk();
            })
            .RequirePermission(AdminPermissions.CanModifySystemSettings).WithTags("Admin")
            .WithName("changeSystemSetting").Produces<SettingDto>()
            .WithSummary("Change a system setting; every process applies it within seconds, and the change is audited (can_modify_system_settings)");
}
