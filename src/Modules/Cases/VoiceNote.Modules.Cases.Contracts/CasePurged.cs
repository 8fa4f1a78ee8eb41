using VoiceNote.Contracts;

namespace VoiceNote.Modules.Cases.Contracts;

/// <summary>A case left the trash for good: its contents go with it.</summary>
public sealed record CasePurged(Guid CaseId, DateTimeOffset PurgedAt) : IntegrationEvent(PurgedAt);
