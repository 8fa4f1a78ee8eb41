using System.Buffers.Text;
using System.Text.Json;
using VoiceNote.Domain.Results;

namespace VoiceNote.Application.Paging;

/// <summary>
/// The one cursor format of every list: the sort keys of a page's last row as base64url JSON. Opaque to
/// clients; a list reads it back as its own position record, and anything that does not read is refused
/// with a 400 naming <c>cursor</c> rather than misread.
/// </summary>
public static class KeysetCursor
{
    public static readonly Error Invalid = ValidationError.For("cursor", "The cursor is not valid for this list; start again without it.");

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { RespectRequiredConstructorParameters = true };

    public static string Encode<TPosition>(TPosition position) => Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(position, Json));

    /// <summary>Reads a cursor; true with a null position when there is none (the first page).</summary>
    public static bool TryDecode<TPosition>(string? text, out TPosition? position)
        where TPosition : class
    {
        position = null;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        try
        {
            position = JsonSerializer.Deserialize<TPosition>(Base64Url.DecodeFromChars(text), Json);
            return position is not null;
        }
        catch (Exception exception) when (exception is FormatException or JsonException or ArgumentException or NotSupportedException)
        {
            return false;
        }
    }
}
