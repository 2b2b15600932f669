namespace AiNative.Portal.Client.Http;

/// <summary>The team the browser works in; set once the session is loaded, read to build API paths.</summary>
public sealed class CurrentTeam
{
    private Guid? _id;

    public Guid Id => _id ?? throw new InvalidOperationException("The session has not been loaded yet.");

    public void Set(Guid id) => _id = id;
}
