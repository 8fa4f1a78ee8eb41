using Microsoft.EntityFrameworkCore;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Primitives;
using VoiceNote.Modules.AudioProcessing.Infrastructure.Persistence;

namespace VoiceNote.UnitTests.AudioProcessing;

/// <summary>
/// An AudioProcessing context that is never connected: <c>ToQueryString()</c> shows the SQL a specification
/// and a projection produce, which is what these tests pin down.
/// </summary>
internal static class AudioQueryContext
{
    public static AudioProcessingDbContext For(UserId? caller)
    {
        var options = new DbContextOptionsBuilder<AudioProcessingDbContext>().UseNpgsql("Host=127.0.0.1;Database=never_opened");
        return new AudioProcessingDbContext(options.Options, new Caller(caller), TimeProvider.System, new FileSteps());
    }

    private sealed class Caller(UserId? id) : ICurrentUser
    {
        public bool IsAuthenticated => id is not null;

        public UserId Id => id ?? throw new InvalidOperationException("nobody");

        public UserId? IdOrNull => id;

        public Guid? SessionId => null;

        public string? PartnerClientId => null;

        public bool HasScope(string scope) => id is not null;

        public bool HasPermission(string permission) => false;
    }
}
