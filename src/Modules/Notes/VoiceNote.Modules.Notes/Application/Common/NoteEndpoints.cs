using System.Text.Json;
using Microsoft.Extensions.Options;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace VoiceNote.Modules.Notes.Application.Common;

/// <summary>What the module's endpoints share: reading a strict body, then sending the use case.</summary>
internal static class NoteEndpoints
{
    public static async Task<IResult> WithBody<TFields, TResult>(
        JsonBody<TFields> reader,
        JsonElement body,
        IOptions<JsonOptions> json,
        Func<Sent<TFields>, Task<Result<TResult>>> send,
        Func<TResult, IResult> onSuccess)
    {
        var sent = reader.Read(body, json.Value.SerializerOptions);
        return sent.IsFailure ? ProblemResults.From(sent.Error) : (await send(sent.Value)).ToHttp(onSuccess);
    }

    /// <summary>The same, answering 200 with the new version's ETag (the edits a client may make conditional).</summary>
    public static async Task<IResult> WithBody<TFields, TResult>(
        JsonBody<TFields> reader,
        JsonElement body,
        IOptions<JsonOptions> json,
        Func<Sent<TFields>, Task<Result<TResult>>> send,
        HttpContext http)
    {
        var sent = reader.Read(body, json.Value.SerializerOptions);
        return sent.IsFailure ? ProblemResults.From(sent.Error) : (await send(sent.Value)).ToTaggedOk(http);
    }
}
