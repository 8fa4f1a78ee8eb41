using Microsoft.EntityFrameworkCore;
using VoiceNote.Domain.Results;
using VoiceNote.Modules.Cases.Domain;
using VoiceNote.Modules.Cases.Infrastructure.Persistence;

namespace VoiceNote.Modules.Cases.Application.Common;

/// <summary>
/// Statuses and priorities are rows, not enums (operators may add some), so a value a client sends is
/// checked against the tables: an unknown or retired code is a 400 naming the field and the codes in use.
/// </summary>
internal static class CaseLookupRules
{
    public static string Normalize(string code) => code.Trim().ToUpperInvariant();

    public static async Task<Result<string>> ActiveStatusAsync(this CasesDbContext db, string code, string field, CancellationToken cancellationToken)
    {
        var normalized = Normalize(code);
        var active = await db.Statuses.AsNoTracking().Where(s => s.IsActive).OrderBy(s => s.Position).Select(s => s.Code).ToListAsync(cancellationToken);
        if (normalized == CaseStatus.Closed)
        {
            return ValidationError.For(field, "Close a case with POST /cases/{id}/close and a reason.");
        }

        return active.Contains(normalized)
            ? normalized
            : ValidationError.For(field, $"Use one of {string.Join(", ", active.Where(s => s != CaseStatus.Closed))}.");
    }

    public static async Task<Result<string>> ActivePriorityAsync(this CasesDbContext db, string code, string field, CancellationToken cancellationToken)
    {
        var normalized = Normalize(code);
        var active = await db.Priorities.AsNoTracking().Where(p => p.IsActive).OrderByDescending(p => p.Weight).Select(p => p.Code).ToListAsync(cancellationToken);
        return active.Contains(normalized) ? normalized : ValidationError.For(field, $"Use one of {string.Join(", ", active)}.");
    }
}
