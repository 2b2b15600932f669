namespace AiNative.Services.Knowledge;

/// <summary>A document type the portal can read, as found in its content.</summary>
public enum DocumentFormat
{
    Text = 1,
    Markdown = 2,
    Html = 3,
    Pdf = 4,
    Docx = 5,
    Csv = 6,
    Json = 7,
}
