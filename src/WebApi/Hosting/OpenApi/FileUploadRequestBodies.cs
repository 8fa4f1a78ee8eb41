using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using VoiceNote.Infrastructure.Http;

namespace VoiceNote.WebApi.Hosting;

/// <summary>The request body of endpoints that declare a <see cref="FileUploadBody"/>: multipart with a binary <c>file</c>, or the raw bytes.</summary>
internal sealed class FileUploadRequestBodies : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<FileUploadBody>().FirstOrDefault() is not { } body)
        {
            return Task.CompletedTask;
        }

        var multipart = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Required = new HashSet<string> { "file" },
            Properties = new Dictionary<string, IOpenApiSchema> { ["file"] = Binary() },
        };
        foreach (var field in body.MultipartFields)
        {
            multipart.Properties[field] = new OpenApiSchema { Type = JsonSchemaType.String };
        }

        var content = new Dictionary<string, OpenApiMediaType> { ["multipart/form-data"] = new() { Schema = multipart } };
        foreach (var mediaType in body.RawMediaTypes)
        {
            content[mediaType] = new OpenApiMediaType { Schema = Binary() };
        }

        operation.RequestBody = new OpenApiRequestBody { Required = true, Content = content };
        operation.Parameters ??= [];
        foreach (var field in body.RawQueryFields)
        {
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = field,
                In = ParameterLocation.Query,
                Description = "With a raw body: the field a multipart upload sends as a part.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            });
        }

        operation.Parameters.Add(new OpenApiParameter
        {
            Name = IdempotentAnswers.Header,
            In = ParameterLocation.Header,
            Description = "A retried upload with the same key answers the first one's result.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 200 },
        });
        return Task.CompletedTask;
    }

    private static OpenApiSchema Binary() => new() { Type = JsonSchemaType.String, Format = "binary" };
}
