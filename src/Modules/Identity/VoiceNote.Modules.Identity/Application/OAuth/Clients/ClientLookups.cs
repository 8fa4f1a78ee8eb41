using Ardalis.Specification;
using VoiceNote.Modules.Identity.Domain;

namespace VoiceNote.Modules.Identity.Application.OAuth.Clients;

/// <summary>One of the caller's partner clients; the owner filter makes another user's client not found (404), never forbidden.</summary>
internal sealed class ClientById : Specification<OAuthClient>
{
    public ClientById(Guid id) => Query.Where(c => c.Id == id);
}

/// <summary>The caller's partner clients, newest first (the owner filter scopes them).</summary>
internal sealed class ClientsOfOwner : Specification<OAuthClient>
{
    public ClientsOfOwner() => Query.OrderByDescending(c => c.CreatedAt).ThenBy(c => c.Id);
}
