namespace AiNative.Services.Models.Invocation;

/// <summary>Which part of the portal made a model call; usage reports group by it.</summary>
public enum InvocationSource
{
    Playground = 1,
    Knowledge = 2,
    Experiment = 3,
    Gateway = 4,
    ConnectionTest = 5,
}
