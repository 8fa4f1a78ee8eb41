using VoiceNote.Modules.Identity.Infrastructure.Tokens;

namespace VoiceNote.UnitTests.Identity;

public sealed class ClientSecretVersionTests
{
    [Test]
    public void A_token_matches_only_the_secret_it_was_issued_with()
    {
        var oldHash = OpaqueTokens.Hash(OpaqueTokens.New("vncs_"));
        var newHash = OpaqueTokens.Hash(OpaqueTokens.New("vncs_"));
        var version = ClientSecretVersion.Of(oldHash);

        Assert.Multiple(() =>
        {
            Assert.That(ClientSecretVersion.Matches(version, oldHash), Is.True);
            Assert.That(ClientSecretVersion.Matches(version, newHash), Is.False);
            Assert.That(ClientSecretVersion.Matches(null, oldHash), Is.False, "a partner token without a version is refused");
            Assert.That(ClientSecretVersion.Matches(version[..8], oldHash), Is.False);
            Assert.That(oldHash, Does.Not.Contain(version), "the version is not a piece of the stored hash");
        });
    }
}
