namespace AiNative.Services.Knowledge.Ingestion;

public enum StepResultKind
{
    Success = 1,
    TransientError = 2,
    FatalError = 3,
    Restart = 4,
}
