namespace AiNative.Services.Evaluation.Statistics;

/// <summary>A mean and the interval that holds the population's mean at the stated confidence.</summary>
public sealed record MeanInterval(double Mean, double Low, double High, int Count);
