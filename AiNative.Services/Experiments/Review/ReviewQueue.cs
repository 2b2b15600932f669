namespace AiNative.Services.Experiments.Review;

/// <summary>
/// Where a reviewer stands with one score of an experiment: how many of the cells that can be reviewed (those that
/// succeeded) already have a person's score of that name, and the next one without (null once all have).
/// </summary>
public sealed record ReviewQueue(string ExperimentName, string ScoreName, int Reviewed, int Total, ReviewCell? Next);
