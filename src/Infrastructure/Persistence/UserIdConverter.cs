using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using VoiceNote.Domain.Primitives;

namespace VoiceNote.Infrastructure.Persistence;

internal sealed class UserIdConverter() : ValueConverter<UserId, Guid>(id => id.Value, value => new UserId(value));
