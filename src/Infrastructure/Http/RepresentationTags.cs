using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Options;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace VoiceNote.Infrastructure.Http;

/// <summary>
/// A strong entity tag for a response body: a hash of the JSON the API writes for it, with the API's own
/// serializer options. Anything in the representation that changes (a task inside a note, say) changes
/// the tag, and a handler can compute the current tag from the same DTO the read returns.
/// </summary>
public sealed class RepresentationTags(IOptions<JsonOptions> json)
{
    public string Of<T>(T representation)
    {
        var options = json.Value.SerializerOptions;
        var bytes = representation is IVersionedRepresentation partial
            ? JsonSerializer.SerializeToUtf8Bytes(partial.VersionedView(), options)
            : JsonSerializer.SerializeToUtf8Bytes(representation, options);
        return "\"" + Convert.ToBase64String(SHA256.HashData(bytes), 0, 18).Replace('+', '-').Replace('/', '_') + "\"";
    }
}
