using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace AiNative.Portal.Knowledge;

/// <summary>
/// The upload's multipart body in the OpenAPI document. It is described here rather than with
/// <c>Accepts</c> metadata, which would make routing answer 415 before the caller is authenticated.
/// </summary>
internal static class UploadRequestBody
{
    public static Task DescribeAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["multipart/form-data"] = new()
                {
                    Schema = new OpenApiSchema
                    {
                        Type = JsonSchemaType.Object,
                        Required = new HashSet<string> { "index", "files" },
                        Properties = new Dictionary<string, IOpenApiSchema>
                        {
                            ["index"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "The knowledge base's name or id" },
                            ["documentId"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uuid", Description = "The document's id in this base (one file): a new document takes it, an existing one of the base is replaced. Ids are scoped to the base" },
                            ["tags"] = new OpenApiSchema
                            {
                                Type = JsonSchemaType.Array,
                                Items = new OpenApiSchema { Type = JsonSchemaType.String },
                                Description = "Tags as key=value",
                            },
                            ["files"] = new OpenApiSchema
                            {
                                Type = JsonSchemaType.Array,
                                Items = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" },
                            },
                        },
                    },
                },
            },
        };
        return Task.CompletedTask;
    }
}
