using Ardalis.Specification;
using Microsoft.EntityFrameworkCore;
using VoiceNote.Application.Paging;
using VoiceNote.Modules.Identity.Domain;

namespace VoiceNote.Modules.Identity.Application.OAuth.Clients;

/// <summary>One of the caller's partner clients; the owner filter makes another user's client not found (404), never forbidden.</summary>
internal sealed class ClientById : Specification<OAuthClient>
{
    public ClientById(Guid id) => Query.Where(c => c.Id == id);
}

/// <summary>The caller's partner clients (the owner filter scopes them): what the list counts.</summary>
internal sealed class ClientsOfOwner : Specification<OAuthClient>;

/// <summary>One keyset page of the caller's partner clients, newest first: the rows after the cursor and one more than the limit.</summary>
internal sealed class ClientsOfOwnerPage : Specification<OAuthClient>
{
    public ClientsOfOwnerPage(TimePosition? after, int limit)
    {
        Query.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id);
        if (after is not null)
        {
            Query.Where(c => EF.Functions.LessThan(ValueTuple.Create(c.CreatedAt, c.Id), ValueTuple.Create(after.At, after.Id)));
        }

        Query.Take(limit + 1);
    }
}
