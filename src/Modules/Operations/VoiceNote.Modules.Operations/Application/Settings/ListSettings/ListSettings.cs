using Microsoft.EntityFrameworkCore;
using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Modules.Operations.Infrastructure.Persistence;

namespace VoiceNote.Modules.Operations.Application.Settings.ListSettings;

/// <summary>Every setting an operator may change, with the value in force.</summary>
[Requires(Permission = AdminPermissions.CanModifySystemSettings)]
internal sealed record ListSettings : IQuery<IReadOnlyList<SettingDto>>;

internal sealed class ListSettingsHandler(SettingsCatalog catalog, OperationsDbContext db, IServiceProvider services)
    : IQueryHandler<ListSettings, IReadOnlyList<SettingDto>>
{
    public async Task<Result<IReadOnlyList<SettingDto>>> Handle(ListSettings request, CancellationToken cancellationToken)
    {
        var stored = await db.Settings.AsNoTracking().ToDictionaryAsync(s => s.Key, StringComparer.OrdinalIgnoreCase, cancellationToken);
        return catalog.All.Select(d => SettingDto.From(d, services, stored.GetValueOrDefault(d.Key))).ToList();
    }
}

internal sealed class ListSettingsEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.Admin.MapGet("/settings", async (ISender sender, CancellationToken ct) => (await sender.Send(new ListSettings(), ct)).ToOk())
            .RequirePermission(AdminPermissions.CanModifySystemSettings).WithTags("Admin")
            .WithName("listSystemSettings").Produces<IReadOnlyList<SettingDto>>()
            .WithSummary("The system settings operators may change, with the values in force (can_modify_system_settings)");
}
