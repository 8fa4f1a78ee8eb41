namespace VoiceNote.Application.Security;

/// <summary>
/// A request that background work (workers, event handlers, CLI verbs) sends on nobody's behalf.
/// It skips the caller checks; its handler must scope its reads itself.
/// </summary>
public interface ISystemRequest;
