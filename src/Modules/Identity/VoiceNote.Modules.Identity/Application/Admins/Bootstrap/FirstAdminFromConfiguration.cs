using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using VoiceNote.Infrastructure.Modules;

namespace VoiceNote.Modules.Identity.Application.Admins.Bootstrap;

/// <summary>On start-up: when Identity:FirstAdmin:Email and :Password are set, that account exists and is an admin.</summary>
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

        var (created, error) = await bootstrapper.EnsureAdminAsync(email, password, username: null, cancellationToken);
        if (error is not null)
        {
            logger.LogError("The configured first admin could not be created: {Reason}", error);
        }
        else if (created)
        {
            logger.LogInformation("Created the configured first admin account");
        }
    }
}
