using System.Collections.Concurrent;
using System.Reflection;
using VoiceNote.Domain.Results;

namespace VoiceNote.Modules.Cases.Application.Access;

/// <summary>A failed <c>Result</c> or <c>Result&lt;T&gt;</c> for the access check, which only knows TResponse.</summary>
internal static class CaseResults
{
    private static readonly ConcurrentDictionary<Type, Func<Error, object>> Factories = new();

    public static TResponse Failure<TResponse>(Error error) => (TResponse)Factories.GetOrAdd(typeof(TResponse), Build)(error);

    private static Func<Error, object> Build(Type type)
    {
        if (type == typeof(Result))
        {
            return Result.Failure;
        }

        var failure = type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Result<>)
            ? type.GetMethod(nameof(Result.Failure), BindingFlags.Public | BindingFlags.Static, [typeof(Error)])
            : null;
        return failure is null
            ? throw new InvalidOperationException($"{type} is not a Result; a case use case must return Result or Result<T>.")
            : error => failure.Invoke(null, [error])!;
    }
}
