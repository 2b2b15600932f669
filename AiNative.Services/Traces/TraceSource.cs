namespace AiNative.Services.Traces;

/// <summary>Which part of the portal, or which application, did the work a trace records; lists filter by it.</summary>
public enum TraceSource
{
    Playground = 1,
    Knowledge = 2,
    Experiment = 3,
    Gateway = 4,
    ConnectionTest = 5,
    Ingestion = 6,
    Evaluator = 7,

    /// <summary>Sent by a team's own application through the ingestion API.</summary>
    Api = 8,
}
