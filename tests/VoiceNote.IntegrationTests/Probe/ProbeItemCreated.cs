using VoiceNote.Contracts;

namespace VoiceNote.IntegrationTests.Probe;

internal sealed record ProbeItemCreated(Guid ItemId, string DisplayName, DateTimeOffset At) : IntegrationEvent(At);
