using MediatR;
using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;

// Deliberately broken admin use cases (at the bottom) are never registered anywhere.
#pragma warning disable CA1812
namespace VoiceNote.UnitTests.Architecture
{
    /// <summary>
    /// Admin use cases check their permission in the pipeline too, not only at their endpoint, so they
    /// stay protected when sent from anywhere else. The rule: every request type in an Admin(s)
    /// namespace declares <c>[Requires(Permission = ...)]</c> with a known permission.
    /// </summary>
    public sealed class AdminUseCaseTests
    {
        [Test]
        public void Every_admin_use_case_declares_a_known_permission()
        {
            var requests = SolutionAssemblies.Types.Where(IsAdminRequest).ToList();
            Assert.That(requests, Is.Not.Empty);
            Assert.That(requests.Where(t => Violation(t) is not null).Select(t => $"{t.FullName}: {Violation(t)}"), Is.Empty);
        }

        [Test]
        public void The_rule_flags_an_admin_use_case_without_a_known_permission() =>
            Assert.Multiple(() =>
            {
                Assert.That(IsAdminRequest(typeof(BadSamples.Admins.UndeclaredAdminQuery)), Is.True);
                Assert.That(Violation(typeof(BadSamples.Admins.UndeclaredAdminQuery)), Is.EqualTo("declares no [Requires(Permission = ...)]"));
                Assert.That(Violation(typeof(BadSamples.Admins.UnknownPermissionQuery)), Is.EqualTo("requires the unknown permission 'can_do_anything'"));
            });

        private static bool IsAdminRequest(Type type) =>
            type is { IsClass: true, IsAbstract: false }
            && type.Namespace?.Split('.').Any(segment => segment is "Admin" or "Admins") == true
            && typeof(IBaseRequest).IsAssignableFrom(type);

        private static string? Violation(Type type)
        {
            var permissions = type.GetCustomAttributes(typeof(RequiresAttribute), inherit: false).Cast<RequiresAttribute>()
                .Select(r => r.Permission).OfType<string>().ToList();
            if (permissions.Count == 0)
            {
                return "declares no [Requires(Permission = ...)]";
            }

            return permissions.FirstOrDefault(p => !AdminPermissions.IsKnown(p)) is { } unknown ? $"requires the unknown permission '{unknown}'" : null;
        }
    }
}

namespace VoiceNote.UnitTests.Architecture.BadSamples.Admins
{
    internal sealed record UndeclaredAdminQuery : IQuery<int>;

    [Requires(Permission = "can_do_anything")]
    internal sealed record UnknownPermissionQuery : IQuery<int>;
}
