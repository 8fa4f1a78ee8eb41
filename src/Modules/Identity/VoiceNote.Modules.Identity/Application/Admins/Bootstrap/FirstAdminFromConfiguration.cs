using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using VoiceNote.Infrastructure.Modules;

namespace VoiceNote.Modules.Identity.Application.Admins.Bootstrap;

/// <summary>
/// On start-up: when Identity:FirstAdmin:Email and :Password are set, that account is created as an admin.
/// An account that already exists and is not one is left alone (logged) unless
/// Identity:FirstAdmin:PromoteExisting is true: a stranger may have registered the address first.
/// </summary>
internal sealed class FirstAdminFromConfiguration(IConfiguration configuration, AdminBootstrapper bootstrapper, ILogger<FirstAdminFromConfiguration> logger) : IStartupTask
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var email = configuration["Identity:FirstAdmin:Email"];
        var password = configuration["Identity:FirstAdmin:Password"];
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrWhiteSpace(password))
        {
            return;
        }

        var promote = configuration.GetValue("Identity:FirstAdmin:PromoteExisting", false);
        var done = await bootstrapper.EnsureAdminAsync(email, password, username: null, "configuration", promote, cancellationToken);
        if (done.Error is not null)
        {
            logger.LogError("The configured first admin was not made: {Reason}", done.Error);
        }
        else if (done.Outcome is AdminBootstrapOutcome.Created or AdminBootstrapOutcome.Promoted)
        {
            logger.LogInformation("The configured first admin account: {Outcome}", done.Outcome);
        }
    }
}
