using FluentValidation;
using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Primitives;
using VoiceNote.Domain.Results;

namespace VoiceNote.IntegrationTests.Probe.CreateProbeItem;

[AnonymousAllowed]
internal sealed record CreateProbeItem(string DisplayName, int Count) : ICommand<Guid>;

internal sealed class CreateProbeItemValidator : AbstractValidator<CreateProbeItem>
{
    public CreateProbeItemValidator()
    {
        RuleFor(c => c.DisplayName).NotEmpty().MaximumLength(40);
        RuleFor(c => c.Count).InclusiveBetween(1, 10);
    }
}

/// <summary>Writes an item and publishes an event; the name "fail-after-write" makes it fail after both, to prove the rollback.</summary>
internal sealed class CreateProbeItemHandler(ProbeDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<CreateProbeItem, Guid>
{
    public const string FailAfterWrite = "fail-after-write";

    public Task<Result<Guid>> Handle(CreateProbeItem request, CancellationToken cancellationToken)
    {
        var item = new ProbeItem { Id = Guid.NewGuid(), OwnerId = user.IdOrNull ?? default(UserId), DisplayName = request.DisplayName, Count = request.Count };
        db.Items.Add(item);
        db.Publish(new ProbeItemCreated(item.Id, item.DisplayName, clock.GetUtcNow()));
        Result<Guid> result = request.DisplayName == FailAfterWrite
            ? Error.Conflict("probe.refused", "Told to fail after writing.")
            : item.Id;
        return Task.FromResult(result);
    }
}
