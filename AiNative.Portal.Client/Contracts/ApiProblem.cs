namespace AiNative.Portal.Client.Contracts;

/// <summary>
/// What went wrong, in words a person can act on. The HTTP API answers with it as RFC 9457
/// problem details; pages show <see cref="Title"/>, <see cref="Detail"/> and the field errors.
/// </summary>
public sealed record ApiProblem(
    int Status,
    string Title,
    string? Detail = null,
    IReadOnlyDictionary<string, string[]>? Errors = null)
{
    public string Message => string.IsNullOrWhiteSpace(Detail) ? Title : Detail;
}
