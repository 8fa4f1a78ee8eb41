using VoiceNote.Infrastructure.Persistence;

namespace VoiceNote.UnitTests.Foundation;

public sealed class SnakeCaseNamingTests
{
    [TestCase("Notes", "notes")]
    [TestCase("OwnerId", "owner_id")]
    [TestCase("PK_OutboxMessages", "pk_outbox_messages")]
    [TestCase("IX_Notes_OwnerId_CreatedAt", "ix_notes_owner_id_created_at")]
    [TestCase("HTTPStatus", "http_status")]
    [TestCase("Transcript2Engine", "transcript2_engine")]
    [TestCase("already_snake", "already_snake")]
    public void Names_become_snake_case(string name, string expected) =>
        Assert.That(SnakeCaseNaming.ToSnakeCase(name), Is.EqualTo(expected));
}
