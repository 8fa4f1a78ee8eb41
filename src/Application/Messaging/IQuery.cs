using MediatR;
using VoiceNote.Domain.Results;

namespace VoiceNote.Application.Messaging;

/// <summary>A request that only reads. It gets no transaction and must not change state.</summary>
public interface IQuery<TResponse> : IRequest<Result<TResponse>>;

public interface IQueryHandler<in TQuery, TResponse> : IRequestHandler<TQuery, Result<TResponse>>
    where TQuery : IQuery<TResponse>;
