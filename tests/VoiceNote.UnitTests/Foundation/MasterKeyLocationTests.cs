using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using VoiceNote.Infrastructure;
using VoiceNote.Infrastructure.Crypto;

namespace VoiceNote.UnitTests.Foundation;

/// <summary>
/// The master key opens every stored secret, so it must outlive builds and checkouts (ADR 0068): by
/// default it sits beside the storage root, never under the working directory of the build output, and
/// Production does not start without one configured.
/// </summary>
public sealed class MasterKeyLocationTests
{
    [Test]
    public void Unconfigured_the_key_file_is_beside_the_storage_root()
    {
        var secrets = new SecretsOptions();
        Assert.That(secrets.KeyFileBeside("/srv/voicenote/storage/"), Is.EqualTo("/srv/voicenote/keys/master.key"));
    }

    [Test]
    public void A_configured_key_file_is_used_as_it_is()
    {
        var secrets = new SecretsOptions { MasterKeyFile = "/etc/voicenote/master.key" };
        Assert.That(secrets.KeyFileBeside("/srv/voicenote/storage"), Is.EqualTo("/etc/voicenote/master.key"));
    }

    [TestCase("Production", false, true)]
    [TestCase("Production", true, false)]
    [TestCase("Development", false, false)]
    [TestCase("Staging", false, false)]
    public void Production_refuses_to_start_without_a_configured_key(string environment, bool configured, bool refused)
    {
        var settings = new Dictionary<string, string?> { ["ConnectionStrings:VoiceNote"] = "Host=127.0.0.1" };
        if (configured)
        {
            settings["Secrets:MasterKeyFile"] = "/etc/voicenote/master.key";
        }

        var services = new ServiceCollection();
        services.AddSingleton<IHostEnvironment>(new Environment(environment));
        services.AddInfrastructure(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        using var provider = services.BuildServiceProvider();

        Action read = () => _ = provider.GetRequiredService<IOptions<SecretsOptions>>().Value;
        if (refused)
        {
            Assert.That(read, Throws.TypeOf<OptionsValidationException>().With.Message.Contains("Secrets:MasterKeyFile"));
        }
        else
        {
            Assert.That(read, Throws.Nothing);
        }
    }

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "VoiceNote";

        public string ContentRootPath { get; set; } = "/";

        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = null!;
    }
}
