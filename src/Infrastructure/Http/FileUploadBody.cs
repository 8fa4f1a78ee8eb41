namespace VoiceNote.Infrastructure.Http;

/// <summary>
/// For the OpenAPI document: an endpoint that reads its body by hand (so the framework infers nothing)
/// takes a file, either raw with one of <see cref="RawMediaTypes"/> or as a multipart part named
/// <c>file</c> beside the text parts <see cref="MultipartFields"/>. Describing it this way, instead of
/// with <c>Accepts</c>, keeps routing from refusing the other content types the endpoint sniffs itself.
/// A raw body carries its text fields as the query parameters <see cref="RawQueryFields"/>, and a
/// retried upload may send an <c>Idempotency-Key</c> header.
/// </summary>
public sealed record FileUploadBody(IReadOnlyList<string> RawMediaTypes, IReadOnlyList<string> MultipartFields, IReadOnlyList<string> RawQueryFields);
