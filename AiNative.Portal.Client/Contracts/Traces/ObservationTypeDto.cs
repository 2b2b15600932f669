namespace AiNative.Portal.Client.Contracts.Traces;

public enum ObservationTypeDto
{
    Generation = 1,
    Embedding = 2,
    Retrieval = 3,
    Render = 4,
    ToolCall = 5,
    Span = 6,
}
