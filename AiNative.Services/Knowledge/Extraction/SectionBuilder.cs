namespace AiNative.Services.Knowledge.Extraction;

/// <summary>Collects paragraphs into sections, starting a new section at each heading or page.</summary>
internal sealed class SectionBuilder
{
    private readonly List<ExtractedSection> _sections = [];
    private readonly List<string> _paragraphs = [];
    private readonly HeadingPath _headings = new();
    private readonly List<(string? Path, string Title, int? Page)> _titles = [];
    private string? _heading;
    private int? _page;

    public void Heading(int level, string title)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            return;
        }

        Flush();
        _headings.Enter(level, Paragraphs.Collapse(title));
        _heading = _headings.Current;
        _titles.Add((_heading, Paragraphs.Collapse(title), _page));
    }

    public void Page(int page)
    {
        Flush();
        _page = page;
    }

    public void Paragraph(string text)
    {
        if (!string.IsNullOrWhiteSpace(text))
        {
            _paragraphs.Add(text.Trim());
        }
    }

    /// <summary>The sections; a document of headings alone has them as its text, since they are all it says.</summary>
    public ExtractedDocument Build()
    {
        Flush();
        return _sections.Count == 0 && _titles.Count > 0
            ? new ExtractedDocument([.. _titles.Select(t => new ExtractedSection(t.Path, t.Page, [t.Title]))])
            : new ExtractedDocument(_sections);
    }

    private void Flush()
    {
        if (_paragraphs.Count > 0)
        {
            _sections.Add(new ExtractedSection(_heading, _page, [.. _paragraphs]));
            _paragraphs.Clear();
        }
    }
}
