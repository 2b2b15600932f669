using System.Text.RegularExpressions;

namespace AiNative.Services.Prompts.Templates;

/// <summary>
/// Reads the content of one block: a variable (<c>$name</c>) or a quoted value. Anything else is
/// a function call, which prompts refuse because the portal gives them no plugins.
/// </summary>
internal static partial class BlockReader
{
    /// <summary>The variable the block names, if it is a valid variable block.</summary>
    public static string? Read(TemplateBlock block, List<TemplateIssue> issues)
    {
        var tokens = Tokens(block.Content);
        if (tokens.Count == 0)
        {
            issues.Add(new(block.Offset - 2, $"This block is empty. Write a variable such as {{{{$question}}}}. {TemplateScanner.LiteralBracesHint}"));
            return null;
        }

        var (first, offset) = tokens[0];
        var extra = tokens.Count > 1 ? tokens[1] : default;
        if (first[0] == '$')
        {
            var name = first[1..];
            if (name.Length == 0)
            {
                issues.Add(new(block.Offset + offset, "'$' must be followed by a variable name, such as $question."));
            }
            else if (!VariableName().IsMatch(name))
            {
                issues.Add(new(block.Offset + offset, $"'{name}' is not a valid variable name: use letters, digits and underscores, starting with a letter or underscore."));
            }
            else if (extra.Token is null)
            {
                return name;
            }
            else
            {
                issues.Add(new(block.Offset + extra.Offset, $"A block holds one variable, but '{extra.Token}' follows ${name}. Put each variable in its own {{{{ }}}}."));
            }

            return null;
        }

        if (first[0] is '\'' or '"')
        {
            var closing = ClosingQuote(first);
            if (closing < first.Length - 1)
            {
                issues.Add(new(block.Offset + offset + closing + 1, "Nothing may follow a quoted value inside its block."));
            }
            else if (extra.Token is not null)
            {
                issues.Add(new(block.Offset + extra.Offset, $"A block holds one value, but '{extra.Token}' follows it."));
            }

            return null;
        }

        issues.Add(new(block.Offset + offset,
            $"'{first}' is a function call, and prompts cannot call functions or plugins. Use variables such as {{{{$question}}}}. {TemplateScanner.LiteralBracesHint}"));
        return null;
    }

    /// <summary>Tokens separated by whitespace outside quoted values, with their offsets in the content.</summary>
    private static List<(string Token, int Offset)> Tokens(string content)
    {
        var tokens = new List<(string, int)>();
        var start = -1;
        var quote = '\0';
        for (var i = 0; i <= content.Length; i++)
        {
            var c = i < content.Length ? content[i] : ' ';
            if (quote != '\0')
            {
                if (c == '\\' && i + 1 < content.Length)
                {
                    i++;
                }
                else if (c == quote)
                {
                    quote = '\0';
                }
            }
            else if (char.IsWhiteSpace(c))
            {
                if (start >= 0)
                {
                    tokens.Add((content[start..i], start));
                    start = -1;
                }
            }
            else
            {
                start = start < 0 ? i : start;
                quote = c is '\'' or '"' ? c : '\0';
            }
        }

        return tokens;
    }

    /// <summary>The index of the quote that closes the value <paramref name="token"/> opens.</summary>
    private static int ClosingQuote(string token)
    {
        for (var i = 1; i < token.Length; i++)
        {
            if (token[i] == '\\')
            {
                i++;
            }
            else if (token[i] == token[0])
            {
                return i;
            }
        }

        return token.Length - 1;
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex VariableName();
}
