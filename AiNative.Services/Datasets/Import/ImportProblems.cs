using AiNative.Services.Platform.Errors;

namespace AiNative.Services.Datasets.Import;

/// <summary>The failures of a whole file, each a sentence that says what to do.</summary>
internal static class ImportProblems
{
    public const string FileField = "File";

    public const string MappingField = "Mapping";

    public const string RowsField = "Rows";

    public static ValidationFailedException File(string message) => new(FileField, message);

    public static ValidationFailedException Empty() => File("The file is empty. Choose a file with a header row and at least one row of values.");

    public static ValidationFailedException NoRows() => File("The file has no rows after its header. Add at least one row of values.");
}
