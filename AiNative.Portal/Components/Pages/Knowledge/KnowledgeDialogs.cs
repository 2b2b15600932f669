using MudBlazor;

namespace AiNative.Portal.Components.Pages.Knowledge;

/// <summary>How the knowledge pages open their dialogs: closed by Escape, sized for their forms and text.</summary>
public static class KnowledgeDialogs
{
    public static DialogOptions Wide { get; } = new() { MaxWidth = MaxWidth.Medium, FullWidth = true, CloseOnEscapeKey = true };

    public static DialogOptions Narrow { get; } = new() { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true };
}
