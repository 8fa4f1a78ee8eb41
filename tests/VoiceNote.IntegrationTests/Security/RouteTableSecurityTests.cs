using VoiceNote.Application.Security;
using VoiceNote.IntegrationTests.Harness;

namespace VoiceNote.IntegrationTests.Security;

/// <summary>
/// Access rules checked against the running host's route table, so an endpoint is covered the moment
/// it is mapped: nobody has to remember to add it here. Only the public list is written out.
/// </summary>
public sealed class RouteTableSecurityTests : DatabaseFixture
{
    /// <summary>
    /// Every route anybody may call without signing in. A new public route must be added here: that
    /// makes opening an endpoint to the world a visible, reviewed change. Discovery, JWKS, revocation and
    /// introspection are answered by OpenIddict's middleware, not routes (OAuthServerTests covers them).
    /// </summary>
    private static readonly string[] ExpectedPublicRoutes =
    [
        "POST /api/v1/auth/refresh",
        "POST /api/v1/auth/register",
        "POST /api/v1/auth/sign-in",
        "POST /connect/token",

        // The authorization code flow's pages: OpenIddict has checked the request before they run.
        "GET /connect/authorize",
        "POST /connect/authorize",
        "GET /connect/sign-in",
        "POST /connect/sign-in",
        "GET /health/live",
        "GET /health/ready",
        "GET /openapi/{documentName}.json",

        // The test-only probe module's endpoints (not part of the product).
        "GET /api/v1/probe/boom",
        "GET /api/v1/probe/limited",
        "POST /api/v1/probe/items",
    ];

    private IReadOnlyList<RouteCall> Routes => RouteTable.Read(Api.Services);

    [Test]
    public void Every_route_declares_who_may_call_it()
    {
        var undeclared = Routes.Where(r => r.Requirements.Count == 0).Select(r => r.Name).ToList();
        Assert.That(undeclared, Is.Empty, "declare access with AllowAnonymousAccess(), RequireUser(), RequireInteractiveUser(), RequireScope() or RequirePermission()");
    }

    [Test]
    public void Every_admin_route_needs_an_admin_permission()
    {
        var admin = Routes.Where(r => r.Pattern.StartsWith("/api/v1/admin/", StringComparison.Ordinal)).ToList();
        Assert.That(admin, Is.Not.Empty);
        Assert.That(admin.Where(r => r.Permissions.Count == 0).Select(r => r.Name), Is.Empty, "admin routes declare RequirePermission(...)");
    }

    [Test]
    public void Exactly_the_reviewed_routes_are_public()
    {
        var routes = Routes;
        Assert.That(routes.Count, Is.GreaterThan(ExpectedPublicRoutes.Length), "the route table was read");
        var actual = routes.Where(r => r.IsPublic).Select(r => r.Name).Order(StringComparer.Ordinal).ToList();
        Assert.That(actual, Is.EqualTo(ExpectedPublicRoutes.Order(StringComparer.Ordinal).ToList()));
    }

    [Test]
    public async Task Every_route_but_the_public_ones_answers_an_anonymous_caller_with_401()
    {
        var failures = new List<string>();
        var checkedRoutes = 0;
        foreach (var route in Routes)
        {
            using var response = await Client.SendAsync(route.NewRequest());
            var status = (int)response.StatusCode;
            if (route.IsPublic)
            {
                // A public route may refuse an empty body, but never for want of a sign-in.
                if (status is 401 or 403)
                {
                    failures.Add($"{route.Name} is public but answered {status}");
                }

                continue;
            }

            checkedRoutes++;
            if (status != 401)
            {
                failures.Add($"{route.Name} answered {status} to an anonymous caller");
            }
            else if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            {
                failures.Add($"{route.Name} answered 401 without a problem body");
            }
        }

        Assert.That(checkedRoutes, Is.GreaterThan(0));
        Assert.That(failures, Is.Empty);
        TestContext.Out.WriteLine($"{checkedRoutes} protected routes refused an anonymous caller.");
    }

    [Test]
    public async Task Every_permission_route_needs_exactly_its_permission()
    {
        var routes = Routes.Where(r => r.Permissions.Count > 0).ToList();
        Assert.That(routes, Is.Not.Empty, "the admin routes declare permissions");

        var user = await this.CreateAccountAsync("plain");
        var admin = await this.CreateAccountAsync("probe_admin");
        using var userClient = this.ClientFor(user);
        using var adminClient = this.ClientFor(admin);
        var failures = new List<string>();
        foreach (var route in routes)
        {
            var status = await StatusOfAsync(userClient, route);
            if (status != 403)
            {
                failures.Add($"{route.Name} answered {status} to a signed-in non-admin");
            }

            foreach (var permission in route.Permissions)
            {
                // Permissions are read per request, so changing them in the database applies to the very next call.
                await this.GrantAdminAsync(admin, AdminPermissions.All.Where(p => p != permission).ToArray());
                status = await StatusOfAsync(adminClient, route);
                if (status != 403)
                {
                    failures.Add($"{route.Name} answered {status} to an admin holding every permission but {permission}");
                }
            }

            await this.GrantAdminAsync(admin, route.Permissions.ToArray());
            status = await StatusOfAsync(adminClient, route);
            if (status is 401 or 403)
            {
                failures.Add($"{route.Name} answered {status} to an admin holding {string.Join(", ", route.Permissions)}");
            }
        }

        Assert.That(failures, Is.Empty);
        TestContext.Out.WriteLine($"{routes.Count} permission routes checked: {string.Join("; ", routes.Select(r => $"{r.Name} [{string.Join(", ", r.Permissions)}]"))}");
    }

    private static async Task<int> StatusOfAsync(HttpClient client, RouteCall route)
    {
        using var response = await client.SendAsync(route.NewRequest());
        return (int)response.StatusCode;
    }
}
