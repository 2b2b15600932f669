namespace AiNative.Portal.Client.Contracts.Experiments;

/// <summary>How many of the reviewable (succeeded) cells have a person's score of <see cref="Score"/>, and the next one without; null once all have.</summary>
public sealed record ReviewQueueDto(string Experiment, string Score, int Reviewed, int Total, ReviewCellDto? Next);
