namespace AiNative.Services.Platform.Errors;

/// <summary>The caller is a member of the team but their role does not allow the action.</summary>
public sealed class ForbiddenException(string message) : PortalException(message)
{
    public override int StatusCode => 403;

    public override string Title => "Not allowed";
}
