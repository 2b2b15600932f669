using Microsoft.Extensions.AI.Evaluation;

namespace AiNative.Services.Evaluation.Contexts;

public static class EvaluationContexts
{
    /// <summary>The context of type <typeparamref name="T"/> among those passed to an evaluator, or null.</summary>
    public static T? Find<T>(IEnumerable<EvaluationContext>? contexts)
        where T : EvaluationContext
    {
        if (contexts is null)
        {
            return null;
        }

        foreach (var context in contexts)
        {
            if (context is T found)
            {
                return found;
            }
        }

        return null;
    }
}
