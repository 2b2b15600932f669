namespace AiNative.Portal.Client.Contracts.Runs;

/// <summary>Which page of the history (from 1), and of which prompt's runs when <see cref="PromptId"/> is set.</summary>
public sealed record RunListQuery(Guid? PromptId = null, int Page = 1, int PageSize = RunListQuery.DefaultPageSize)
{
    public const int DefaultPageSize = 10;
}
