namespace VoiceNote.Application.Security;

/// <summary>Marks a use case that anybody may send (sign-up, sign-in). Every other one needs a signed-in caller.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class AnonymousAllowedAttribute : Attribute;
