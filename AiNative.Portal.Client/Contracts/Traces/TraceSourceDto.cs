namespace AiNative.Portal.Client.Contracts.Traces;

public enum TraceSourceDto
{
    Playground = 1,
    Knowledge = 2,
    Experiment = 3,
    Gateway = 4,
    ConnectionTest = 5,
    Ingestion = 6,
    Evaluator = 7,
    Api = 8,
}
