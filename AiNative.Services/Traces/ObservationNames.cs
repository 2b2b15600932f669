namespace AiNative.Services.Traces;

/// <summary>
/// Names of the portal's own observations besides model calls (which are named after their model): a
/// prompt run records <see cref="Retrieve"/> first when it draws on a knowledge base (rendering needs the
/// context it finds), then <see cref="Render"/>.
/// </summary>
public static class ObservationNames
{
    public const string Retrieve = "retrieve";

    public const string Render = "render";

    public const string Search = "search";
}
