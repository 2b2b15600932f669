namespace AiNative.Services.Prompts.Templates;

/// <summary>
/// Splits a template into <c>{{ … }}</c> blocks by the rules of Semantic Kernel's own tokenizer
/// (quoted values may hold braces; a second <c>{{</c> restarts the block), but keeps offsets.
/// SK keeps an unclosed <c>{{</c> or an unterminated quote as plain text without a word; here
/// they are problems with a place, because they are almost always typing mistakes.
/// </summary>
internal static class TemplateScanner
{
    public const string LiteralBracesHint = "To write literal braces, put them in a quoted value: {{ '{{' }}.";

    public static TemplateScan Scan(string template)
    {
        var blocks = new List<TemplateBlock>();
        var issues = new List<TemplateIssue>();
        var blockStart = -1;
        var quote = '\0';
        var quoteStart = -1;

        // Like SK, look at each character with the one after it; the last one cannot open or close.
        for (var i = 0; i < template.Length - 1; i++)
        {
            var current = template[i];
            var next = template[i + 1];
            if (quote == '\0' && current == '{' && next == '{')
            {
                // "{{{" is one block with a literal brace before it, not an abandoned block.
                if (blockStart >= 0 && i > blockStart + 1)
                {
                    issues.Add(Unclosed(blockStart));
                }

                blockStart = i;
            }

            if (blockStart < 0)
            {
                continue;
            }

            if (quote != '\0')
            {
                if (current == '\\' && next is '\'' or '"' or '\\')
                {
                    i++;
                }
                else if (current == quote)
                {
                    quote = '\0';
                }
            }
            else if (current is '\'' or '"')
            {
                quote = current;
                quoteStart = i;
            }
            else if (current == '}' && next == '}')
            {
                blocks.Add(new TemplateBlock(blockStart + 2, template[(blockStart + 2)..i]));
                blockStart = -1;
                i++;
            }
        }

        if (blockStart >= 0)
        {
            issues.Add(quote != '\0'
                ? new TemplateIssue(quoteStart, $"This quoted value has no closing {quote}, so the block never ends.")
                : Unclosed(blockStart));
        }

        return new TemplateScan(blocks, issues);
    }

    private static TemplateIssue Unclosed(int offset) =>
        new(offset, $"This '{{{{' is not closed with '}}}}'. {LiteralBracesHint}");
}
