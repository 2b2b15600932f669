namespace AiNative.Services.Data;

/// <summary>An entity whose name is unique in its set (a team's prompts, models, providers, knowledge bases).</summary>
public interface IUniquelyNamed
{
    Guid Id { get; }

    string Name { get; }
}
