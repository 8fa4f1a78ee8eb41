using FluentValidation;
using Mapster;
using Microsoft.EntityFrameworkCore;
using VoiceNote.Application.Messaging;
using VoiceNote.Application.Paging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Infrastructure.Persistence;
using VoiceNote.Modules.Identity.Application.Common;
using VoiceNote.Modules.Identity.Infrastructure.Persistence;

namespace VoiceNote.Modules.Identity.Application.OAuth.Clients.ListClients;

/// <summary>The caller's partner clients, newest first, keyset-paged on (created_at, id).</summary>
internal sealed record ListClients(PageQuery Page) : IQuery<Page<OAuthClientDto>>;

internal sealed class ListClientsValidator : AbstractValidator<ListClients>
{
    public ListClientsValidator() => RuleFor(q => q.Page).ValidPage();
}

internal sealed class ListClientsHandler(IdentityDbContext db, ICurrentUser caller) : IQueryHandler<ListClients, Page<OAuthClientDto>>
{
    public async Task<Result<Page<OAuthClientDto>>> Handle(ListClients request, CancellationToken cancellationToken)
    {
        if (!caller.IsInteractive())
        {
            return IdentityErrors.InteractiveOnly;
        }

        if (!KeysetCursor.TryDecode(request.Page.Cursor, out TimePosition? after))
        {
            return KeysetCursor.Invalid;
        }

        // The owner filter limits this to the caller's clients.
        var rows = await db.OAuthClients.WithSpecification(new ClientsOfOwnerPage(after, request.Page.Limit))
            .ProjectToType<OAuthClientDto>(IdentityMappings.Config)
            .ToListAsync(cancellationToken);
        long? total = request.Page.CountsTotal ? await db.OAuthClients.WithSpecification(new ClientsOfOwner()).LongCountAsync(cancellationToken) : null;
        return KeysetPage.From(rows, request.Page.Limit, last => new TimePosition(last.CreatedAt, last.Id).Encode(), total);
    }
}

internal sealed class ListClientsEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.V1.MapGet("/oauth-clients", async ([AsParameters] PageParameters paging, HttpContext http, ISender sender, CancellationToken ct) =>
                (await sender.Send(new ListClients(paging.ToQuery()), ct)).ToPagedOk(http))
            .RequireInteractiveUser()
            .WithTags("OAuth clients")
            .WithName("listClients").Produces<Page<OAuthClientDto>>()
            .WithSummary("This account's partner clients (without secrets)");
}
