using Mapster;
using VoiceNote.Application.Mapping;

namespace VoiceNote.Modules.AudioProcessing.Application.Common;

/// <summary>
/// The AudioProcessing module's Mapster config (docs/decisions/0003): its <see cref="IRegister"/> classes, built
/// and validated once per process. The installer asks for it at start-up, so a bad mapping stops the host.
/// </summary>
internal static class AudioMappings
{
    private static readonly Lazy<TypeAdapterConfig> Validated = new(() => ModuleMappings.Scan(typeof(AudioMappings).Assembly).Validate());

    public static TypeAdapterConfig Config => Validated.Value;
}
