using FluentValidation;
using MediatR;
using VoiceNote.Application.Messaging;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;

// Deliberately broken types: the architecture rules must flag each of them. They are never registered anywhere.
#pragma warning disable CA1812, CA1822, IDE0060
namespace VoiceNote.UnitTests.Architecture.BadSamples
{
    public sealed record SampleQuery : IQuery<int>;

    public sealed class PublicHandler : IRequestHandler<SampleQuery, Result<int>>
    {
        public Task<Result<int>> Handle(SampleQuery request, CancellationToken cancellationToken) => Task.FromResult(Result.Success(1));
    }

    public sealed class PublicValidator : AbstractValidator<SampleQuery>;

    internal sealed class InternalHandler : IRequestHandler<SampleQuery, Result<int>>
    {
        public Task<Result<int>> Handle(SampleQuery request, CancellationToken cancellationToken) => Task.FromResult(Result.Success(2));
    }

    internal abstract class AbstractEndpoint : IEndpoint
    {
        public abstract void MapEndpoint(ApiRoutes routes);
    }

    internal sealed class EndpointWithDependencies(ISender sender) : IEndpoint
    {
        public void MapEndpoint(ApiRoutes routes) => _ = sender;
    }

    internal sealed class GoodEndpoint : IEndpoint
    {
        public void MapEndpoint(ApiRoutes routes)
        {
        }
    }

    internal sealed class ForgottenEndpoint
    {
        public void MapEndpoint(ApiRoutes routes)
        {
        }
    }
}

namespace VoiceNote.UnitTests.Architecture.BadSamples.Domain
{
    /// <summary>A domain type that leans on infrastructure: the domain rule must catch it.</summary>
    internal sealed class LeakyEntity
    {
        public VoiceNote.Infrastructure.Persistence.DatabaseOptions? Options { get; set; }
    }

    internal sealed class CleanEntity
    {
        public VoiceNote.Domain.Primitives.UserId Owner { get; set; }
    }
}
#pragma warning restore CA1812, CA1822
