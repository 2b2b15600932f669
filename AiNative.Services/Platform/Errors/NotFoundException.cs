namespace AiNative.Services.Platform.Errors;

/// <summary>The object does not exist in the caller's team (another team's object answers the same).</summary>
public sealed class NotFoundException(string kind, object id)
    : PortalException($"{kind} '{id}' was not found in this team.")
{
    public override int StatusCode => 404;

    public override string Title => $"{kind} not found";
}
