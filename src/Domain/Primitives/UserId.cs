namespace VoiceNote.Domain.Primitives;

/// <summary>The owner of everything a person keeps; every module speaks of users through this id.</summary>
public readonly record struct UserId(Guid Value)
{
    public static UserId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}
