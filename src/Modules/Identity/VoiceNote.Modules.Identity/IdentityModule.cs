using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using VoiceNote.Application.Mapping;
using VoiceNote.Infrastructure.Modules;
using VoiceNote.Modules.Identity.Application.Accounts.Register;
using VoiceNote.Modules.Identity.Application;
using VoiceNote.Modules.Identity.Application.Accounts.SignIn;
using VoiceNote.Modules.Identity.Application.Admins.Bootstrap;
using VoiceNote.Modules.Identity.Application.Admins.Common;
using VoiceNote.Modules.Identity.Application.OAuth.Authorize;
using VoiceNote.Modules.Identity.Application.Purging;
using VoiceNote.Modules.Identity.Application.Common;
using VoiceNote.Modules.Identity.Application.Sessions;
using VoiceNote.Modules.Identity.Application.Statistics;
using VoiceNote.Modules.Identity.Contracts;
using VoiceNote.Modules.Identity.Domain;
using VoiceNote.Modules.Identity.Infrastructure.Persistence;
using VoiceNote.Modules.Identity.Infrastructure.Server;
using VoiceNote.Modules.Identity.Infrastructure.Tokens;

namespace VoiceNote.Modules.Identity;

/// <summary>Accounts, sessions and tokens, partner clients, profiles with AI context, encrypted API keys, admins.</summary>
public sealed class IdentityModule : IModuleInstaller
{
    public string Name => "Identity";

    public void Install(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModule<IdentityDbContext>(Name, IdentityDbContext.SchemaName, typeof(IdentityModule).Assembly);
        services.AddModuleMappings(Name, IdentityMappings.Config);
        services.AddOptions<AuthOptions>().Bind(configuration.GetSection(AuthOptions.Section));
        services.AddOptions<RegistrationOptions>().Bind(configuration.GetSection(RegistrationOptions.Section));
        RegistrationOptions.AddRegistrationSetting(services);

        services.AddIdentityCore<User>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-";
                options.Password.RequiredLength = 8;
                options.Password.RequireDigit = true;
                options.Password.RequireLowercase = true;
                options.Password.RequireUppercase = true;
                options.Password.RequireNonAlphanumeric = false;
                // No automatic lockout: anybody who knows a sign-in name could trigger it (SignInThrottle, ADR 0069).
                options.Lockout.AllowedForNewUsers = false;
            })
            .AddUserStore<Microsoft.AspNetCore.Identity.EntityFrameworkCore.UserOnlyStore<User, IdentityDbContext, Guid>>();

        services.AddAuthorizationServer(configuration);
        services.AddSingleton<SigningKeyStore>();
        services.AddHostedService<KeyRefresh>();
        services.AddSingleton<SignInThrottle>();
        services.AddOptions<PasswordHasherOptions>().Configure<IOptions<AuthOptions>>((hashing, auth) => hashing.IterationCount = auth.Value.PasswordHashIterations);
        services.AddScoped<CredentialCheck>();
        services.AddScoped<SessionIssuer>();
        services.AddScoped<ClientAccess>();
        services.AddScoped<AdminBootstrapper>();
        services.AddScoped<UserAdministration>();
        services.AddScoped<IIdentityModule, IdentityFacade>();
        services.AddScoped<IAccountExports, AccountExports>();
        services.AddScoped<IUserStatistics, UserStatisticsReader>();
        services.AddScoped<IDevelopmentSeeder, DevelopmentSeeder>();
        services.AddScoped<IStartupTask, FirstAdminFromConfiguration>();
        services.AddScoped<IStartupTask, SigningKeyWarmup>();
        services.AddScoped<IStartupTask, FirstPartyClientsStartup>();
        services.AddSingleton<ICliVerb, CreateAdminVerb>();
        services.AddSingleton<ICliVerb, RotateSigningKeyVerb>();
        services.AddUserPurging(configuration);
    }
}
