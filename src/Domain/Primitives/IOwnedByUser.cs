namespace VoiceNote.Domain.Primitives;

/// <summary>
/// Marks an entity that belongs to one user. Module DbContexts filter such entities to the
/// current user automatically, so an owner check cannot be forgotten in a query.
/// </summary>
public interface IOwnedByUser
{
    UserId OwnerId { get; }
}
