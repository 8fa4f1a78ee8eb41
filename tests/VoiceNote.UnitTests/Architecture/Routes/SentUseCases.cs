using System.Reflection;
using System.Runtime.CompilerServices;
using VoiceNote.Application.Messaging;

namespace VoiceNote.UnitTests.Architecture.Routes;

/// <summary>
/// What a route's handler sends through the mediator, read from its IL: the command and query types it
/// binds or builds, and whether it calls <see cref="ISender"/> at all. The reading follows the handler
/// into its lambdas, local functions and async state machines (compiler-generated code nested in the
/// endpoint class), into the endpoint's own methods, and into helpers of the same assembly that are
/// not services (parsers such as a query-string record's <c>Parse</c>, a module's body-reading helper).
/// It does not follow into services, so a route that calls one is not credited with what it does.
/// </summary>
internal sealed record SentUseCases(IReadOnlyList<Type> Requests, bool CallsSender)
{
    public static SentUseCases Of(MethodInfo handler, ServiceCatalog services)
    {
        var home = handler.DeclaringType!.Assembly;
        var requests = new HashSet<Type>();
        var callsSender = false;
        var visited = new HashSet<MethodBase>();
        var pending = new Stack<MethodBase>([handler]);
        while (pending.TryPop(out var method))
        {
            if (!visited.Add(method))
            {
                continue;
            }

            foreach (var parameter in method.GetParameters())
            {
                Note(parameter.ParameterType, requests);
            }

            if (method.GetCustomAttribute<StateMachineAttribute>() is { } stateMachine)
            {
                pending.Push(stateMachine.StateMachineType.GetMethod(nameof(IAsyncStateMachine.MoveNext), BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)!);
            }

            foreach (var member in IlReferences.Of(method))
            {
                switch (member)
                {
                    case MethodBase called:
                        callsSender |= called.DeclaringType == typeof(ISender);
                        Note(called.DeclaringType, requests);
                        if (called is MethodInfo info)
                        {
                            // A factory elsewhere ("UploadAudio.From(form)", "Requests.For(...)") hands the request back.
                            Note(info.ReturnType, requests);
                            if (info.IsGenericMethod)
                            {
                                Array.ForEach(info.GetGenericArguments(), argument => Note(argument, requests));
                            }
                        }

                        if (MayFollow(called, home, services))
                        {
                            pending.Push(called);
                        }

                        break;
                    case Type type:
                        Note(type, requests);
                        break;
                    case FieldInfo field:
                        Note(field.FieldType, requests);
                        break;
                }
            }
        }

        return new SentUseCases(requests.OrderBy(t => t.Name, StringComparer.Ordinal).ToList(), callsSender);
    }

    /// <summary>A command (<see cref="ICommand"/>, <see cref="ICommand{TResponse}"/>) or a query (<see cref="IQuery{TResponse}"/>).</summary>
    public static bool IsRequest(Type type) =>
        type is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false }
        && (typeof(ICommandBase).IsAssignableFrom(type) || type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IQuery<>)));

    public static bool IsCommand(Type type) => typeof(ICommandBase).IsAssignableFrom(type);

    private static bool MayFollow(MethodBase called, Assembly home, ServiceCatalog services) =>
        called.DeclaringType is { } type && type.Assembly == home && !called.IsAbstract && !services.IsService(Route.OutermostUserType(type));

    private static void Note(Type? type, HashSet<Type> requests)
    {
        if (type is null || type.IsGenericParameter)
        {
            return;
        }

        if (type.HasElementType)
        {
            Note(type.GetElementType(), requests);
            return;
        }

        if (type.IsGenericType)
        {
            Array.ForEach(type.GetGenericArguments(), argument => Note(argument, requests));
        }

        if (IsRequest(type))
        {
            requests.Add(type);
        }
    }
}
