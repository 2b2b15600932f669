using AiNative.Services.Models;
using AiNative.Services.Prompts;

namespace AiNative.Services.Tests.Prompts;

/// <summary>Valid inputs for new versions, to change one thing at a time in a test.</summary>
internal static class PromptInputs
{
    public static NewPromptVersion Version(
        string system = "Answer from {{$context}}.",
        string user = "{{$question}}",
        string commit = "A change",
        Guid? modelId = null,
        GenerationSettings? settings = null,
        params PromptVariable[] variables) =>
        new(system, user, variables, modelId, settings ?? new GenerationSettings(), commit);
}
