namespace AiNative.Services.Datasets.Import;

/// <summary>
/// The rows of a file in one format, read afresh on each enumeration (an import reads twice: to check, then to save).
/// Problems with the whole file throw a <see cref="AiNative.Services.Platform.Errors.ValidationFailedException"/>;
/// problems with one row come as a bad <see cref="RawRow"/>.
/// </summary>
internal interface IImportRows
{
    IEnumerable<RawRow> Read();
}
