using MudBlazor;

namespace AiNative.Portal.Client.Layout;

/// <summary>
/// The portal's colours. Every colour that MudBlazor uses for text (chips, outlined buttons, alerts,
/// labels, helper text) reads at 4.5:1 or more on white, on the page background and on the colour's
/// own light tint, as WCAG 2.1 AA asks of small text; MudBlazor's defaults (green, orange and blue
/// at 2:1 to 3:1) do not.
/// </summary>
public static class PortalTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#3f51b5",
            Secondary = "#006b5f",
            Info = "#0067a3",
            Success = "#1b5e20",
            Warning = "#9c4800",
            Error = "#c62828",
            TextSecondary = "#5f6368",
            AppbarBackground = "#1f2a44",
            Background = "#f6f7fb",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#8c9eff",
            Secondary = "#4db6ac",
        },
        LayoutProperties = new LayoutProperties { DrawerWidthLeft = "232px" },
    };
}
