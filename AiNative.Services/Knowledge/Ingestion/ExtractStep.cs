using AiNative.Services.Knowledge.Extraction;
using AiNative.Services.Platform.Storage;

namespace AiNative.Services.Knowledge.Ingestion;

/// <summary>Reads the uploaded file into structured text (pages, headings, records) and keeps it as an artifact.</summary>
internal sealed class ExtractStep(IBlobStore blobs, DocumentExtractors extractors, ExtractedArtifacts artifacts) : IPipelineStepHandler
{
    public string StepName => PipelineSteps.Extract;

    public async Task<StepResult> InvokeAsync(PipelineContext context, CancellationToken cancellationToken)
    {
        if (context.Pipeline.AlreadyProcessedBy(StepName) && artifacts.Exists(context.Pipeline.ExtractedBlob))
        {
            return StepResult.Success;
        }

        var document = context.Document;
        if (!blobs.Exists(document.Sha256))
        {
            return StepResult.FatalError("The uploaded file is no longer in storage. Delete the document and upload the file again.");
        }

        ExtractedDocument extracted;
        try
        {
            await using var content = blobs.OpenRead(document.Sha256);
            extracted = extractors.Extract(document.Format, content);
        }
        catch (DocumentRejectedException e)
        {
            return StepResult.FatalError(e.Message);
        }

        if (!extracted.HasText)
        {
            return StepResult.FatalError("No text was found in the document.");
        }

        document.PageCount = extracted.Pages;
        var artifact = await artifacts.SaveAsync(extracted, cancellationToken);
        context.Pipeline = (context.Pipeline with { ExtractedBlob = artifact }).MarkProcessedBy(StepName);
        context.Extracted = extracted;
        return StepResult.Success;
    }
}
