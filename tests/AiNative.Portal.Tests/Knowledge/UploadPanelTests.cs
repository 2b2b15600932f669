using AiNative.Portal.Client.Contracts.Knowledge;
using AiNative.Portal.Components.Pages.Knowledge;
using Bunit;
using Microsoft.AspNetCore.Components.Forms;

namespace AiNative.Portal.Tests.Knowledge;

public sealed class UploadPanelTests : KnowledgeComponentTest
{
    private const string NotAPdf = "The file is named .pdf but its content is plain text. Rename it to match its content, or upload the right file.";

    public UploadPanelTests() => Api.Outcome = (name, bytes) => name switch
    {
        "scan.pdf" => new UploadedFileDto(name, UploadStatusDto.Rejected, null, NotAPdf),
        "empty.txt" when bytes.Length == 0 => new UploadedFileDto(name, UploadStatusDto.Rejected, null, "The file is empty."),
        "again.md" => new UploadedFileDto(name, UploadStatusDto.Duplicate, Guid.CreateVersion7(), "The same content is already in 'Support' as 'guide.md'; it was not processed again."),
        _ => new UploadedFileDto(name, UploadStatusDto.Accepted, Guid.CreateVersion7(), null),
    };

    [Fact]
    public void Each_file_gets_its_own_outcome_and_rejected_ones_their_reasons()
    {
        var panel = RenderPanel();

        Upload(panel,
            InputFileContent.CreateFromText("# Guide\n\nHello.", "guide.md"),
            InputFileContent.CreateFromText("this was never a PDF", "scan.pdf"),
            InputFileContent.CreateFromBinary([], "empty.txt"),
            InputFileContent.CreateFromText("# Guide\n\nHello.", "again.md"));

        panel.WaitForAssertion(() => Assert.Equal(4, panel.FindAll("[data-testid=upload-row][data-stage=Accepted], [data-testid=upload-row][data-stage=Rejected], [data-testid=upload-row][data-stage=Duplicate]").Count));
        Assert.Equal("Accepted", Stage(panel, "guide.md"));
        Assert.Equal("Rejected", Stage(panel, "scan.pdf"));
        Assert.Equal(NotAPdf, Message(panel, "scan.pdf"));
        Assert.Equal("Rejected", Stage(panel, "empty.txt"));
        Assert.Equal("The file is empty.", Message(panel, "empty.txt"));
        Assert.Equal("Duplicate", Stage(panel, "again.md"));
        Assert.Contains("already in 'Support' as 'guide.md'", Message(panel, "again.md"));
        Assert.Contains("Fix the file and add it again; the other files are not affected.", Row(panel, "scan.pdf").TextContent);
        Assert.Equal(["guide.md", "scan.pdf", "empty.txt", "again.md"], Api.Uploaded);
    }

    [Fact]
    public void A_file_over_the_limit_is_refused_without_being_sent_and_the_others_go_through()
    {
        Api.Limits = Api.Limits with { MaxFileBytes = 16 };
        var panel = RenderPanel();

        Upload(panel, InputFileContent.CreateFromText(new string('x', 40), "big.txt"), InputFileContent.CreateFromText("small", "small.txt"));

        panel.WaitForAssertion(() => Assert.Equal("Accepted", Stage(panel, "small.txt")));
        Assert.Equal("Rejected", Stage(panel, "big.txt"));
        Assert.Contains("over the limit of 16 bytes", Message(panel, "big.txt"));
        Assert.Equal(["small.txt"], Api.Uploaded);
    }

    [Fact]
    public void Tags_given_at_upload_go_with_every_accepted_file()
    {
        var panel = RenderPanel();
        panel.Find("input[data-testid=upload-tags]").Input("team=support, year=2025");

        Upload(panel, InputFileContent.CreateFromText("# One", "one.md"), InputFileContent.CreateFromText("# Two", "two.md"));

        panel.WaitForAssertion(() => Assert.Equal(2, Api.Documents.Count));
        Assert.All(Api.Documents, d => Assert.Equal(["support"], d.Tags["team"]));
        Assert.All(Api.Documents, d => Assert.Equal(["2025"], d.Tags["year"]));
    }

    [Fact]
    public void The_drop_area_says_how_many_files_how_large_and_which_types()
    {
        var limits = RenderPanel().Find("[data-testid=upload-limits]").TextContent;

        Assert.Contains("Up to 20 files at once, 1 MB each", limits);
        Assert.Contains(".md, .txt, .pdf, .docx", limits);
    }

    private IRenderedComponent<UploadPanel> RenderPanel() => Render<UploadPanel>(p => p.Add(x => x.Index, "Support"));

    private static void Upload(IRenderedComponent<UploadPanel> panel, params InputFileContent[] files) =>
        panel.FindComponent<InputFile>().UploadFiles(files);

    private static AngleSharp.Dom.IElement Row(IRenderedComponent<UploadPanel> panel, string fileName) =>
        panel.FindAll("[data-testid=upload-row]").Single(r => r.QuerySelector("strong")!.TextContent == fileName);

    private static string? Stage(IRenderedComponent<UploadPanel> panel, string fileName) => Row(panel, fileName).GetAttribute("data-stage");

    private static string Message(IRenderedComponent<UploadPanel> panel, string fileName) =>
        Row(panel, fileName).QuerySelector("[data-testid=upload-message]")!.TextContent.Trim();
}
