using Microsoft.AspNetCore.Routing;

namespace VoiceNote.Infrastructure.Http;

/// <summary>
/// The route groups an endpoint maps onto: <see cref="V1"/> is <c>/api/v1</c>, <see cref="Admin"/> is
/// <c>/api/v1/admin</c>, <see cref="Root"/> is for the few standard paths outside the API
/// (<c>/connect/token</c>, <c>/.well-known/…</c>).
/// </summary>
public sealed record ApiRoutes(IEndpointRouteBuilder Root, IEndpointRouteBuilder V1, IEndpointRouteBuilder Admin);
