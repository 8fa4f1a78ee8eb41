using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using MediatR;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;

namespace VoiceNote.Application.Behaviours;

/// <summary>
/// Writes every use of an admin permission to the audit trail — reads (a user's notes, a search) as well as
/// writes, refused ones too — in one place rather than in each handler (ADR 0090). Runs after authorization,
/// so only callers who hold the permission are recorded, and outside the unit of work, so the record of a
/// failed write survives its rollback.
/// </summary>
internal sealed class AdminAuditBehaviour<TRequest, TResponse>(ICurrentUser caller, IEnumerable<IAdminAudit> audits, TimeProvider clock)
    : IPipelineBehavior<TRequest, TResponse>
    where TRequest : notnull
{
    private const int MaxText = 200;

    private static readonly ConcurrentDictionary<Type, string?> Permissions = new();

    private static readonly string[] SecretWords = ["password", "secret", "token", "key", "credential"];

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var permission = Permissions.GetOrAdd(typeof(TRequest), t => t.GetCustomAttributes<RequiresAttribute>(inherit: false).Select(r => r.Permission).FirstOrDefault(p => p is not null));
        if (permission is null || caller.IdOrNull is not { } admin)
        {
            return await next();
        }

        var response = await next();
        var outcome = response is Result result ? (result.IsSuccess ? "ok" : result.Error.Code) : "ok";
        var access = new AdminAccess(admin.Value, typeof(TRequest).Name, permission, Describe(request), outcome, caller.Origin, clock.GetUtcNow());
        foreach (var audit in audits)
        {
            await audit.RecordAsync(access, CancellationToken.None);
        }

        return response;
    }

    /// <summary>
    /// The request's plain members (ids, filters, search text), cut short; anything that may be a secret, and any
    /// member marked <see cref="NotInAuditTrailAttribute"/>, is left out.
    /// </summary>
    private static Dictionary<string, string?> Describe(TRequest request)
    {
        var described = new Dictionary<string, string?>();
        foreach (var property in typeof(TRequest).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            var plain = type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(Guid) || type == typeof(DateTimeOffset) || type == typeof(DateOnly);
            if (!plain || SecretWords.Any(w => property.Name.Contains(w, StringComparison.OrdinalIgnoreCase)) || property.IsDefined(typeof(NotInAuditTrailAttribute)))
            {
                continue;
            }

            var text = Convert.ToString(property.GetValue(request), CultureInfo.InvariantCulture);
            described[property.Name] = text is { Length: > MaxText } ? text[..MaxText] : text;
        }

        return described;
    }
}
