namespace AiNative.Portal.Client.Contracts;

/// <summary>
/// Thrown by every <c>I…Api</c> implementation, over HTTP or in process, for a failure the user
/// can act on; pages catch it and show <see cref="Problem"/>.
/// </summary>
public sealed class ApiException(ApiProblem problem, Exception? inner = null) : Exception(problem.Message, inner)
{
    public ApiProblem Problem { get; } = problem;

    public int Status => Problem.Status;

    public IReadOnlyDictionary<string, string[]> Errors => Problem.Errors ?? new Dictionary<string, string[]>();
}
