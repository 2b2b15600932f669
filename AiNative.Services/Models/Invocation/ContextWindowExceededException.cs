using AiNative.Services.Platform.Errors;

namespace AiNative.Services.Models.Invocation;

/// <summary>The prompt does not fit the model's context window; found before any call is made.</summary>
public sealed class ContextWindowExceededException(string modelName, long promptTokens, long reservedOutputTokens, int contextWindow)
    : PortalException(
        $"The prompt is about {promptTokens:N0} tokens{(reservedOutputTokens > 0 ? $" plus {reservedOutputTokens:N0} reserved for the answer" : string.Empty)}, " +
        $"but model '{modelName}' accepts at most {contextWindow:N0}. Shorten the prompt or its context, lower max tokens, or pick a model with a larger context window.")
{
    public long PromptTokens { get; } = promptTokens;

    public override int StatusCode => 400;

    public override string Title => "The prompt is longer than the model's context window";
}
