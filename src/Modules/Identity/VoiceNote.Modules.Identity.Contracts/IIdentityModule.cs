using System.Text.Json.Serialization;
using VoiceNote.Domain.Primitives;

namespace VoiceNote.Modules.Identity.Contracts;

/// <summary>What other modules may ask the Identity module. Nothing else of it is visible to them.</summary>
public interface IIdentityModule
{
    /// <summary>The owner's context for processing their notes (time zone, work hours, role, prompt, jargon); null when the user is unknown or deleted.</summary>
    Task<UserContext?> GetUserContextAsync(UserId userId, CancellationToken cancellationToken);

    /// <summary>
    /// The owner's decrypted key for a provider, for that owner's own jobs only; null when none is set.
    /// Never log or return it.
    /// </summary>
    Task<ProviderCredential?> GetProviderCredentialAsync(UserId userId, ApiKeyProvider provider, CancellationToken cancellationToken);

    /// <summary>An active, not deleted account by its email or username (case-insensitive); null when there is none.</summary>
    Task<UserSummary?> FindUserAsync(string emailOrUsername, CancellationToken cancellationToken);

    /// <summary>The accounts among these ids that still exist (deleted ones are left out), for showing who is who.</summary>
    Task<IReadOnlyList<UserSummary>> GetUsersAsync(IReadOnlyCollection<UserId> userIds, CancellationToken cancellationToken);

    /// <summary>The ids among these whose accounts were purged (ADR 0085): no longer in the database, deleted or not.</summary>
    Task<IReadOnlySet<Guid>> GetPurgedAsync(IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken);
}

/// <summary>How another module names a user to other users: id, username and display name; never the email.</summary>
public sealed record UserSummary(UserId UserId, string Username, string DisplayName);

/// <summary>
/// The profile fields that steer the analysis of a user's notes. Roles use the upper-case names of docs/product.md (STUDENT,
/// TEACHER, DEVELOPER, OFFICE_WORKER, BUSINESS_MAN, PSYCHIATRIST, PSYCHOLOGIST, GENERIC); work days are
/// 1 = Sunday … 7 = Saturday; the time zone is an IANA id.
/// </summary>
public sealed record UserContext(
    UserId UserId,
    string DisplayName,
    string TimeZone,
    int WorkStartHour,
    int WorkEndHour,
    IReadOnlyList<int> WorkDays,
    string? PrimaryRole,
    string? SecondaryRole,
    string? CustomRoleDescription,
    string? SystemPrompt,
    IReadOnlyList<string> Jargon,
    string PreferredLanguage,
    string SummaryQuality);

/// <summary>A third-party key in clear, with the base URL for OpenAI-compatible servers.</summary>
public sealed record ProviderCredential(ApiKeyProvider Provider, string ApiKey, string? BaseUrl)
{
    public override string ToString() => $"{Provider} key (hidden)";
}

/// <summary>The third-party providers a user may store a key for (ADR 0012).</summary>
public enum ApiKeyProvider
{
    [JsonStringEnumMemberName("OPENAI")]
    OpenAi,
    Deepgram,
    Groq,

    [JsonStringEnumMemberName("ELEVENLABS")]
    ElevenLabs,

    [JsonStringEnumMemberName("OPENAI_COMPATIBLE")]
    OpenAiCompatible,
}
