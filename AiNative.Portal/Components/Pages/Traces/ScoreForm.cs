using AiNative.Portal.Client.Contracts.Traces;

namespace AiNative.Portal.Components.Pages.Traces;

/// <summary>What the add-score form holds: the score's name, a value in the control its type needs, and a comment.</summary>
public sealed class ScoreForm
{
    public string? Name { get; set; }

    public double? Number { get; set; }

    public bool? YesNo { get; set; }

    public string? Category { get; set; }

    public string? Comment { get; set; }

    /// <summary>The step the score is about; null for the whole trace.</summary>
    public Guid? ObservationId { get; set; }

    /// <summary>The request for <paramref name="definition"/>: a number, 1 or 0 for yes or no, or a category's name.</summary>
    public AddScoreRequest ToRequest(ScoreDefinitionDto definition) => definition.DataType switch
    {
        ScoreDataTypeDto.Numeric => new(definition.Name, Number, null, Comment, ObservationId),
        ScoreDataTypeDto.Boolean => new(definition.Name, YesNo is { } yes ? yes ? 1 : 0 : null, null, Comment, ObservationId),
        _ => new(definition.Name, null, Category, Comment, ObservationId),
    };

    /// <summary>Ready for another score of the same name.</summary>
    public void Reset()
    {
        Number = null;
        YesNo = null;
        Category = null;
        Comment = null;
    }
}
