namespace AiNative.Services.Datasets.Import;

public enum ImportMode
{
    /// <summary>The imported items come after the dataset's items.</summary>
    Append = 0,

    /// <summary>The imported items replace every item (older versions keep theirs).</summary>
    Replace = 1,
}
