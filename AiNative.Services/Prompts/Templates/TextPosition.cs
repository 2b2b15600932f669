namespace AiNative.Services.Prompts.Templates;

/// <summary>Turns a character offset into the 1-based line and column an editor shows.</summary>
internal static class TextPosition
{
    public static (int Line, int Column) Of(string text, int offset)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < offset && i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, offset - lineStart + 1);
    }
}
