using System.Text.Json;
using Microsoft.AspNetCore.Http;
using VoiceNote.Application.Idempotency;
using VoiceNote.Domain.Results;

namespace VoiceNote.Infrastructure.Http;

/// <summary>The HTTP side of an idempotent create (ADR 0067): the header read with the body it covers, and 201 vs 200.</summary>
public static class IdempotentAnswers
{
    public const string Header = "Idempotency-Key";

    /// <summary>The request's key and body hash; the body is serialised only when a key came.</summary>
    public static Result<IdempotentRequest?> Read<TBody>(string? header, TBody body) =>
        IdempotentRequest.From(header, () => JsonSerializer.SerializeToUtf8Bytes(body));

    /// <summary>201 with a Location for what this request made; 200 for what an earlier one with the same key made.</summary>
    public static IResult Answer<T>(Creation<T> creation, Func<T, string> location) =>
        creation.Created ? TypedResults.Created(location(creation.Value), creation.Value) : TypedResults.Ok(creation.Value);
}
