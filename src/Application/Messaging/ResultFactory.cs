using System.Collections.Concurrent;
using System.Reflection;
using VoiceNote.Domain.Results;

namespace VoiceNote.Application.Messaging;

/// <summary>Builds a failed <c>Result</c> or <c>Result&lt;T&gt;</c> for a pipeline behaviour that only knows TResponse.</summary>
internal static class ResultFactory
{
    private static readonly ConcurrentDictionary<Type, Func<Error, object>> Factories = new();

    public static bool IsResult(Type type) => typeof(Result).IsAssignableFrom(type);

    public static TResponse Failure<TResponse>(Error error)
    {
        var factory = Factories.GetOrAdd(typeof(TResponse), Build);
        return (TResponse)factory(error);
    }

    private static Func<Error, object> Build(Type type)
    {
        if (type == typeof(Result))
        {
            return Result.Failure;
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Result<>))
        {
            var method = type.GetMethod(nameof(Result.Failure), BindingFlags.Public | BindingFlags.Static, [typeof(Error)])
                ?? throw new InvalidOperationException($"{type} has no Failure(Error).");
            return error => method.Invoke(null, [error])!;
        }

        throw new InvalidOperationException($"{type} is not a Result; a use case must return Result or Result<T>.");
    }
}
