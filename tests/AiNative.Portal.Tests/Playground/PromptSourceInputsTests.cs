using AiNative.Portal.Client.Components.Playground;
using AiNative.Portal.Tests.Components;
using Bunit;

namespace AiNative.Portal.Tests.Playground;

public sealed class PromptSourceInputsTests : PortalComponentTest
{
    [Fact]
    public void An_ad_hoc_template_is_in_the_draft_at_once_so_ctrl_enter_right_after_typing_runs_what_was_typed()
    {
        var draft = new PlaygroundDraft { IsAdHoc = true, SystemTemplate = "Answer briefly.", UserTemplate = "{{$question}}" };
        var templatesChanged = 0;
        var inputs = RenderWithPopovers<PromptSourceInputs>(p => p
            .Add(i => i.Draft, draft)
            .Add(i => i.Prompts, [])
            .Add(i => i.Errors, new FieldErrors())
            .Add(i => i.TemplatesChanged, () => templatesChanged++));

        inputs.Find("textarea[data-testid=system-template]").Input("Answer in one short paragraph.");
        inputs.Find("textarea[data-testid=user-template]").Input("Why: {{$question}}");

        // No wait for the typing pause: a run started now reads these.
        Assert.Equal(("Answer in one short paragraph.", "Why: {{$question}}"), (draft.SystemTemplate, draft.UserTemplate));
        // Each template's pause asks for the variables again, though the form redraws with the typed text meanwhile.
        inputs.WaitForAssertion(() => Assert.Equal(2, templatesChanged), TimeSpan.FromSeconds(30));
    }
}
