using Microsoft.OpenApi;

namespace VoiceNote.WebApi.Hosting;

/// <summary>
/// The OpenAPI document partners generate clients from: bearer tokens by default, anonymous routes
/// without them, the standard problem answers of every operation, and server URLs clients can join paths onto.
/// Endpoints describe their own success answers and names (Produces, WithName).
/// </summary>
internal static class OpenApiSetup
{
    public static IServiceCollection AddVoiceNoteOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "VoiceNote API";
                document.Info.Description = "Voice notes: audio, transcripts, summaries, tasks and search. Sign in at /api/v1/auth/sign-in or /connect/token, then send 'Authorization: Bearer <access_token>'.";
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes["bearer"] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    BearerFormat = "JWT",
                    Description = "An access token from /api/v1/auth/sign-in or /connect/token.",
                };
                document.Security ??= [];
                document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("bearer", document)] = [] });
                return Task.CompletedTask;
            });
            options.AddDocumentTransformer<ServerUrls>();
            options.AddOperationTransformer<AnonymousOperations>();
            options.AddOperationTransformer<StandardProblemResponses>();
            options.AddOperationTransformer<FileUploadRequestBodies>();
            options.AddOperationTransformer<DeclaredRequestBodies>();
            options.AddSchemaTransformer<ApiJsonSchemas>();
            options.AddSchemaTransformer<RequiredMembers>();
            options.AddSchemaTransformer<NumbersAsNumbers>();
            options.AddDocumentTransformer<FreeFormObjects>();
            options.AddDocumentTransformer<TagDescriptions>();
            options.AddDocumentTransformer<NullableSchemas>();
        });
}
