using VoiceNote.Infrastructure.Modules;

namespace VoiceNote.Modules.Identity.Application.Admins.Bootstrap;

/// <summary>
/// <c>create-admin --email a@b.c --password …</c>: an operator's way to make the first (or another)
/// admin. An existing account is promoted only with <c>--promote-existing</c>.
/// </summary>
internal sealed class CreateAdminVerb : ICliVerb
{
    public string Name => "create-admin";

    public string Usage => "create-admin --email <email> --password <password> [--username <name>] [--promote-existing]";

    public async Task<int> RunAsync(IReadOnlyList<string> arguments, IServiceProvider services, CancellationToken cancellationToken)
    {
        string? Option(string name)
        {
            var index = arguments.ToList().IndexOf(name);
            return index >= 0 && index + 1 < arguments.Count ? arguments[index + 1] : null;
        }

        if (Option("--email") is not { } email || Option("--password") is not { } password)
        {
            await Console.Error.WriteLineAsync("Usage: " + Usage);
            return 2;
        }

        await using var scope = services.CreateAsyncScope();
        var promote = arguments.Contains("--promote-existing");
        var done = await scope.ServiceProvider.GetRequiredService<AdminBootstrapper>()
            .EnsureAdminAsync(email, password, Option("--username"), Name, promote, cancellationToken);
        if (done.Error is not null)
        {
            await Console.Error.WriteLineAsync("Could not create the admin: " + done.Error
                + (done.Outcome == AdminBootstrapOutcome.Refused ? " (add --promote-existing)" : string.Empty));
            return 1;
        }

        Console.WriteLine(done.Outcome switch
        {
            AdminBootstrapOutcome.Created => $"Created admin {email} with every permission.",
            AdminBootstrapOutcome.Promoted => $"{email} already existed; it now has every admin permission (its password is unchanged).",
            _ => $"{email} is already an admin with every permission.",
        });
        return 0;
    }
}
