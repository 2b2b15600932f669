using System.Globalization;

namespace AiNative.Services.Experiments;

/// <summary>What experiments and cells say about how they ended, in the words pages and exports show.</summary>
public static class ExperimentTexts
{
    public const string SkippedByCap = "Not run: the experiment's cost cap was reached first.";

    public const string CancelledBeforeRun = "Not run: the experiment was cancelled.";

    public const string CancelledWhileRunning = "Stopped while it ran: the experiment was cancelled.";

    public static string CapReached(decimal cap, decimal cost) =>
        string.Create(CultureInfo.InvariantCulture, $"Stopped: the cost cap of ${cap:0.00####} was reached (${cost:0.00####} spent). The cells not run were skipped.");

    public static string CapSpent(string experiment, decimal cap, decimal cost) =>
        string.Create(CultureInfo.InvariantCulture,
            $"'{experiment}' spent ${cost:0.00####} of its ${cap:0.00####} cost cap, so its failed cells cannot run again. Create a new experiment with a higher cap.");

    public static string Cancelled(string by) => $"Cancelled by {by}. The cells not run were cancelled.";

    public static string TooManyAttempts(int attempts) =>
        $"The cell was started {attempts - 1} times without finishing (the process running it stopped each time).";

    public static string RateLimitedTooOften(int retries, string reason) =>
        $"The provider kept limiting the rate: the cell waited {retries} times and gave up. {reason}";

    public static string ModelMissing(string model) =>
        $"The variant's model '{model}' is no longer one of the team's models (deleted?). Run the experiment again with another model.";

    public static string ItemMissing(string dataset, int version) =>
        $"The item is no longer in '{dataset}' v{version} (the dataset was deleted?).";
}
