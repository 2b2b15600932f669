namespace AiNative.Services.Knowledge.Extraction;

/// <summary>The headings above the current point, by level: "Install › Linux".</summary>
internal sealed class HeadingPath
{
    public const string Separator = " › ";

    private readonly SortedDictionary<int, string> _levels = [];

    public string? Current => _levels.Count == 0 ? null : string.Join(Separator, _levels.Values);

    public void Enter(int level, string title)
    {
        foreach (var deeper in _levels.Keys.Where(k => k >= level).ToList())
        {
            _levels.Remove(deeper);
        }

        _levels[level] = title.Trim();
    }
}
