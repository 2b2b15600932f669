namespace AiNative.Portal.Client.Contracts.Experiments;

public sealed record LabelCountDto(string Label, int Count);
