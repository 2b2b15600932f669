namespace AiNative.Services.Models.Connections;

/// <summary>How a connection test reached the provider.</summary>
public enum ConnectionProbe
{
    /// <summary>Asked for the provider's model list (<c>/models</c>, or Ollama's local models).</summary>
    ListedModels = 1,

    /// <summary>The provider lists no models, so a registered chat model was asked for one token.</summary>
    OneTokenCall = 2,

    /// <summary>The offline provider runs inside the portal; there is nothing to reach.</summary>
    BuiltIn = 3,
}
