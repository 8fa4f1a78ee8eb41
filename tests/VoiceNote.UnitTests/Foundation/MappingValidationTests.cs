using Mapster;
using VoiceNote.Application.Mapping;
using VoiceNote.Modules.AudioProcessing.Application.Common;
using VoiceNote.Modules.AudioProcessing.Domain;
using VoiceNote.Modules.Notes.Domain;
using VoiceNote.UnitTests.Architecture;

namespace VoiceNote.UnitTests.Foundation;

/// <summary>
/// Each module's Mapster config is strict (docs/decisions/0003): the real ones build, maps and query
/// projections alike, and the planted bad samples — a DTO member with no source, alone or added to
/// AudioProcessing's real config — make validation throw.
/// </summary>
public sealed class MappingValidationTests
{
    public static IEnumerable<TestCaseData> ModulesWithMappings() =>
        SolutionAssemblies.All
            .Where(a => a.GetTypes().Any(t => typeof(IRegister).IsAssignableFrom(t) && t is { IsClass: true, IsAbstract: false }))
            .Select(a => new TestCaseData(a.GetName().Name).SetName($"The mappings of {a.GetName().Name} validate"));

    [Test]
    public void The_notes_identity_and_audio_modules_declare_mappings() =>
        Assert.That(
            ModulesWithMappings().Select(c => (string)c.Arguments[0]!),
            Is.SupersetOf(new[] { "VoiceNote.Modules.AudioProcessing", "VoiceNote.Modules.Identity", "VoiceNote.Modules.Notes" }));

    [TestCaseSource(nameof(ModulesWithMappings))]
    public void Module_mappings_validate(string assembly)
    {
        var config = ModuleMappings.Scan(SolutionAssemblies.All.Single(a => a.GetName().Name == assembly));
        Assert.That(() => config.Validate(), Throws.Nothing);
    }

    [Test]
    public void A_DTO_member_with_no_source_fails_validation()
    {
        var config = ModuleMappings.Strict();
        new BadNoteCardMapping().Register(config);
        var error = Assert.Throws<CompileException>(() => config.Validate());
        // Mapster names the pair it could not compile and, inside, the member with no source.
        Assert.That(error!.InnerException?.Message, Does.Contain(nameof(BadNoteCard.Colour)).And.Contain("do not have a corresponding source member"));
    }

    [Test]
    public void The_bad_sample_validates_once_its_member_is_given_a_source()
    {
        var config = ModuleMappings.Strict();
        new BadNoteCardMapping().Register(config);
        config.NewConfig<Note, BadNoteCard>().Map(d => d.Colour, n => n.Title ?? "none");
        Assert.That(() => config.Validate(), Throws.Nothing);
    }

    [Test]
    public void The_audio_module_config_with_a_DTO_member_with_no_source_fails_validation()
    {
        var config = ModuleMappings.Scan(typeof(AudioMappings).Assembly);
        new BadRecordingCardMapping().Register(config);
        var error = Assert.Throws<CompileException>(() => config.Validate());
        Assert.That(error!.InnerException?.Message, Does.Contain(nameof(BadRecordingCard.Waveform)).And.Contain("do not have a corresponding source member"));
    }

    [Test]
    public void The_audio_bad_sample_validates_once_its_member_is_given_a_source()
    {
        var config = ModuleMappings.Scan(typeof(AudioMappings).Assembly);
        new BadRecordingCardMapping().Register(config);
        config.NewConfig<AudioFile, BadRecordingCard>().Map(d => d.Waveform, a => a.Format);
        Assert.That(() => config.Validate(), Throws.Nothing);
    }

    [Test]
    public void A_pair_never_declared_is_refused_rather_than_mapped_by_convention()
    {
        var config = ModuleMappings.Strict();
        Assert.That(() => new List<Note>().AsQueryable().ProjectToType<BadNoteCard>(config).ToList(), Throws.InstanceOf<InvalidOperationException>());
    }

    /// <summary>Planted bad sample: <see cref="Colour"/> has no member of that name on a note and no mapping gives it one.</summary>
    internal sealed record BadNoteCard
    {
        public required Guid Id { get; init; }

        public required string? Title { get; init; }

        public required string Colour { get; init; }
    }

    private sealed class BadNoteCardMapping : IRegister
    {
        public void Register(TypeAdapterConfig config) => config.NewConfig<Note, BadNoteCard>();
    }

    /// <summary>Planted bad sample for AudioProcessing: <see cref="Waveform"/> has no member of that name on a recording.</summary>
    internal sealed record BadRecordingCard
    {
        public required Guid Id { get; init; }

        public required string? Title { get; init; }

        public required string Waveform { get; init; }
    }

    private sealed class BadRecordingCardMapping : IRegister
    {
        public void Register(TypeAdapterConfig config) => config.NewConfig<AudioFile, BadRecordingCard>();
    }
}
