namespace AiNative.Services.Experiments.Running;

/// <summary>A held cell and how it ended, waiting to be kept.</summary>
internal sealed record FinishedCell(ClaimedCell Cell, CellFinished Outcome);

/// <summary>What a batch of finished cells kept: the cells whose claims held, and their experiments' progress after it.</summary>
internal sealed record FinishedBatch(IReadOnlySet<Guid> Kept, IReadOnlyList<ExperimentProgress> Progress);
