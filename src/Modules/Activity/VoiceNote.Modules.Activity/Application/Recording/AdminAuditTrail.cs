using System.Text.Json;
using VoiceNote.Application.Security;
using VoiceNote.Modules.Activity.Domain;
using VoiceNote.Modules.Activity.Infrastructure.Persistence;

namespace VoiceNote.Modules.Activity.Application.Recording;

/// <summary>
/// Every use of an admin permission as an ADMIN_ACTION entry whose details say <c>admin.access</c>, the use case,
/// its request and outcome (ADR 0090). Written in its own scope and transaction, right away: a read has no
/// transaction to join, and a refused or failed write must leave its record too.
/// </summary>
internal sealed class AdminAuditTrail(IServiceScopeFactory scopes) : IAdminAudit
{
    public const string Action = "admin.access";

    public async Task RecordAsync(AdminAccess access, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ActivityDbContext>();
        db.Entries.Add(new ActivityEntry
        {
            Id = Guid.CreateVersion7(),
            TypeCode = ActivityTypes.AdminAction,
            UserId = access.AdminId,
            ClientId = ActivityRecorder.Cut(access.Origin?.ClientId, ActivityEntry.ClientIdLength),
            Details = JsonSerializer.Serialize(
                new { action = Action, useCase = access.UseCase, permission = access.Permission, request = access.Request, outcome = access.Outcome },
                JsonSerializerOptions.Web),
            IpAddress = ActivityRecorder.Cut(access.Origin?.Address, ActivityEntry.AddressLength),
            UserAgent = ActivityRecorder.Cut(access.Origin?.UserAgent, ActivityEntry.UserAgentLength),
            OccurredAt = access.At,
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}
