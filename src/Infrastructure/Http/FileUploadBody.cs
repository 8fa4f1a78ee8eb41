namespace VoiceNote.Infrastructure.Http;

/// <summary>
/// For the OpenAPI document: an endpoint that reads its body by hand (so the framework infers nothing)
/// takes a file, either raw with one of <see cref="RawMediaTypes"/> or as a multipart part named
/// <c>file</c> beside the text parts <see cref="MultipartFields"/>. Describing it this way, instead of
/// with <c>Accepts</c>, keeps routing from refusing the other content types the endpoint sniffs itself.
/// </summary>
public sealed record FileUploadBody(IReadOnlyList<string> RawMediaTypes, IReadOnlyList<string> MultipartFields);
