using AiNative.Services.Platform.Errors;

namespace AiNative.Services.Models.Invocation;

/// <summary>An embedding model returned other vectors than it is registered for: the registration needs correcting.</summary>
public sealed class EmbeddingDimensionsException(ModelDefinition model, int texts, int vectors, int dimensions)
    : ConflictException(
        $"Model '{model.Name}' returned {vectors} vectors of {dimensions} dimensions for {texts} texts, but it is registered with {model.EmbeddingDimensions} dimensions. Correct the model's dimensions on the Models page.");
