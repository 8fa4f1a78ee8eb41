using VoiceNote.Application.Messaging;
using VoiceNote.Modules.Cases;
using VoiceNote.Modules.Cases.Application.Access;
using VoiceNote.Modules.Cases.Application.Cases.UpdateCase;
using VoiceNote.Modules.Cases.Domain;

namespace VoiceNote.UnitTests.Cases;

/// <summary>
/// The case access check (ADR 0076) can only be forgotten by a use case that does not say it acts in a case:
/// every request naming a case is an <see cref="ICaseRequest"/>, and every one of those declares what it needs.
/// </summary>
public sealed class CaseAccessDeclarationTests
{
    private static readonly Type[] Requests = typeof(CasesModule).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && (typeof(ICommandBase).IsAssignableFrom(t) || t.GetInterfaces().Any(IsQuery)))
        .ToArray();

    [Test]
    public void Every_request_that_names_a_case_goes_through_the_access_check()
    {
        Assert.That(Requests, Has.Length.GreaterThan(10), "the module's requests were found");
        var naming = Requests.Where(t => t.GetProperty("CaseId") is not null).ToList();
        Assert.That(naming, Is.Not.Empty);
        Assert.That(naming.Where(t => !typeof(ICaseRequest).IsAssignableFrom(t)).Select(t => t.Name), Is.Empty, "implement ICaseRequest");
    }

    [Test]
    public void Every_case_request_declares_the_permission_it_needs()
    {
        var caseRequests = Requests.Where(t => typeof(ICaseRequest).IsAssignableFrom(t)).ToList();
        Assert.That(caseRequests.Where(t => !t.IsDefined(typeof(CaseAccessAttribute), inherit: false)).Select(t => t.Name), Is.Empty, "declare [CaseAccess(...)]");
        Assert.That(GetAccess(typeof(UpdateCase)).Permission, Is.EqualTo(CasePermission.Edit));
    }

    private static CaseAccessAttribute GetAccess(Type type) =>
        (CaseAccessAttribute)Attribute.GetCustomAttribute(type, typeof(CaseAccessAttribute))!;

    private static bool IsQuery(Type i) => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IQuery<>);
}
