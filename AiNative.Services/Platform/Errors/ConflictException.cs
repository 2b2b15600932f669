namespace AiNative.Services.Platform.Errors;

/// <summary>The change clashes with what exists, such as a duplicate name.</summary>
public class ConflictException(string message, Exception? inner = null) : PortalException(message, inner)
{
    public override int StatusCode => 409;

    public override string Title => "Conflict";
}
