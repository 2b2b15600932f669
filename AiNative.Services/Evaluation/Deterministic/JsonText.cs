namespace AiNative.Services.Evaluation.Deterministic;

internal static class JsonText
{
    /// <summary>
    /// Whether the text cannot be JSON at all, told from its first visible character. Most failing outputs are prose,
    /// and refusing them here spares a parser exception per cell, which costs more than the rest of the check.
    /// </summary>
    public static bool CannotBe(string text)
    {
        var trimmed = text.AsSpan().TrimStart();
        return trimmed.IsEmpty || trimmed[0] is not ('{' or '[' or '"' or '-' or (>= '0' and <= '9') or 't' or 'f' or 'n');
    }

    public const string NotJson = "The output is not valid JSON: it does not start as a JSON value.";
}
