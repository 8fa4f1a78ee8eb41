using System.Collections.Frozen;
using VoiceNote.Text;

namespace VoiceNote.Modules.AudioProcessing.Analysis.Summary;

/// <summary>
/// A few words that matter to each of the profile's roles. They steer the summary like a weak jargon
/// list: a developer's note keeps the sentence about the release, a psychologist's the one about the
/// session.
/// </summary>
internal static class RoleVocabulary
{
    private static readonly FrozenDictionary<string, FrozenSet<string>> ByRole = new Dictionary<string, string>
    {
        ["STUDENT"] = "exam assignment lecture homework deadline essay grade course professor thesis study quiz",
        ["TEACHER"] = "class lesson student grade parent curriculum exam homework school marking term",
        ["DEVELOPER"] = "bug release deploy deployment merge review test build server database api feature incident sprint",
        ["OFFICE_WORKER"] = "meeting report deadline client manager project budget presentation email schedule",
        ["BUSINESS_MAN"] = "client deal contract invoice revenue budget investor meeting proposal sales partner price",
        ["PSYCHIATRIST"] = "patient session medication dose symptom diagnosis therapy appointment referral risk",
        ["PSYCHOLOGIST"] = "client session therapy assessment progress goal anxiety mood appointment referral",
    }.ToFrozenDictionary(
        pair => pair.Key,
        pair => pair.Value.Split(' ').Select(Stemmer.Stem).ToFrozenSet(StringComparer.Ordinal),
        StringComparer.Ordinal);

    /// <summary>Stemmed words for a role name as the profile spells it ("DEVELOPER", "office_worker", "Office worker").</summary>
    public static IReadOnlySet<string> For(string? role)
    {
        var key = (role ?? string.Empty).Trim().Replace(' ', '_').ToUpperInvariant();
        return ByRole.TryGetValue(key, out var words) ? words : FrozenSet<string>.Empty;
    }
}
