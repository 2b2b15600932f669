using AiNative.Portal.Client.Contracts.Prompts;
using AiNative.Portal.Platform;
using AiNative.Services.Teams;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AiNative.Portal.Prompts;

/// <summary>
/// <c>/api/teams/{teamId}/prompts</c>: prompts, their versions and labels. Analysing and
/// rendering change nothing, so viewers may use them (the playground does).
/// </summary>
public static class PromptsEndpoints
{
    public static IEndpointRouteBuilder MapPromptsApi(this IEndpointRouteBuilder endpoints)
    {
        var prompts = endpoints.MapTeamGroup("prompts", "Prompts");
        prompts.MapGet("", ListAsync).WithName("ListPrompts").WithSummary("The team's prompts with their latest version and labels");
        prompts.MapPost("", CreateAsync).WithName("CreatePrompt").WithSummary("Create a prompt (without versions yet)");
        prompts.MapGet("{promptId:guid}", GetAsync).WithName("GetPrompt").WithSummary("A prompt with all its versions and labels");
        prompts.MapPut("{promptId:guid}", UpdateAsync).WithName("UpdatePrompt").WithSummary("Rename a prompt or change its description");
        prompts.MapDelete("{promptId:guid}", DeleteAsync).WithName("DeletePrompt").WithSummary("Delete a prompt with its versions and labels");
        prompts.MapGet("{promptId:guid}/versions/{version:int}", GetVersionAsync).WithName("GetPromptVersion").WithSummary("One version of a prompt");
        prompts.MapPost("{promptId:guid}/versions", CreateVersionAsync).WithName("CreatePromptVersion")
            .WithSummary("Save the next version; template errors name the template, line and column");
        prompts.MapPost("{promptId:guid}/versions/{version:int}/render", RenderVersionAsync).WithName("RenderPromptVersion")
            .WithSummary("Render a version's messages with the given values and its defaults").RequireTeamRole(TeamRole.Viewer);
        prompts.MapPut("{promptId:guid}/labels/{label}", MoveLabelAsync).WithName("MovePromptLabel")
            .WithSummary("Point a label (production, staging or custom) at a version, creating it if new");
        prompts.MapDelete("{promptId:guid}/labels/{label}", DeleteLabelAsync).WithName("DeletePromptLabel").WithSummary("Remove a label from a prompt");
        prompts.MapPost("analyze", AnalyzeAsync).WithName("AnalyzePromptTemplates")
            .WithSummary("Find the variables and errors of two templates without saving").RequireTeamRole(TeamRole.Viewer);
        prompts.MapPost("render", RenderTemplatesAsync).WithName("RenderPromptTemplates")
            .WithSummary("Render templates that are not saved as a version").RequireTeamRole(TeamRole.Viewer);
        prompts.MapGet("chat-models", ListChatModelsAsync).WithName("ListPromptChatModels").WithSummary("The team's chat models a version may use");
        return endpoints;
    }

    private static async Task<Ok<IReadOnlyList<PromptSummaryDto>>> ListAsync(IPromptsApi prompts, CancellationToken cancellationToken) =>
        TypedResults.Ok(await prompts.ListAsync(cancellationToken));

    private static async Task<Created<PromptDetailsDto>> CreateAsync(
        Guid teamId, CreatePromptRequest request, IPromptsApi prompts, CancellationToken cancellationToken)
    {
        var created = await prompts.CreateAsync(request, cancellationToken);
        return TypedResults.Created($"/api/teams/{teamId}/prompts/{created.Id}", created);
    }

    private static async Task<Ok<PromptDetailsDto>> GetAsync(Guid promptId, IPromptsApi prompts, CancellationToken cancellationToken) =>
        TypedResults.Ok(await prompts.GetAsync(promptId, cancellationToken));

    private static async Task<Ok<PromptDetailsDto>> UpdateAsync(
        Guid promptId, UpdatePromptRequest request, IPromptsApi prompts, CancellationToken cancellationToken) =>
        TypedResults.Ok(await prompts.UpdateAsync(promptId, request, cancellationToken));

    private static async Task<NoContent> DeleteAsync(Guid promptId, IPromptsApi prompts, CancellationToken cancellationToken)
    {
        await prompts.DeleteAsync(promptId, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<PromptVersionDto>> GetVersionAsync(Guid promptId, int version, IPromptsApi prompts, CancellationToken cancellationToken) =>
        TypedResults.Ok(await prompts.GetVersionAsync(promptId, version, cancellationToken));

    private static async Task<Created<PromptVersionDto>> CreateVersionAsync(
        Guid teamId, Guid promptId, CreateVersionRequest request, IPromptsApi prompts, CancellationToken cancellationToken)
    {
        var created = await prompts.CreateVersionAsync(promptId, request, cancellationToken);
        return TypedResults.Created($"/api/teams/{teamId}/prompts/{promptId}/versions/{created.Number}", created);
    }

    private static async Task<Ok<RenderedPromptDto>> RenderVersionAsync(
        Guid promptId, int version, RenderVersionRequest request, IPromptsApi prompts, CancellationToken cancellationToken) =>
        TypedResults.Ok(await prompts.RenderVersionAsync(promptId, version, request, cancellationToken));

    private static async Task<Ok<PromptLabelDto>> MoveLabelAsync(
        Guid promptId, string label, MoveLabelRequest request, IPromptsApi prompts, CancellationToken cancellationToken) =>
        TypedResults.Ok(await prompts.MoveLabelAsync(promptId, label, request, cancellationToken));

    private static async Task<NoContent> DeleteLabelAsync(Guid promptId, string label, IPromptsApi prompts, CancellationToken cancellationToken)
    {
        await prompts.DeleteLabelAsync(promptId, label, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<TemplateAnalysisDto>> AnalyzeAsync(AnalyzeTemplatesRequest request, IPromptsApi prompts, CancellationToken cancellationToken) =>
        TypedResults.Ok(await prompts.AnalyzeAsync(request, cancellationToken));

    private static async Task<Ok<RenderedPromptDto>> RenderTemplatesAsync(RenderTemplatesRequest request, IPromptsApi prompts, CancellationToken cancellationToken) =>
        TypedResults.Ok(await prompts.RenderTemplatesAsync(request, cancellationToken));

    private static async Task<Ok<IReadOnlyList<ChatModelOptionDto>>> ListChatModelsAsync(IPromptsApi prompts, CancellationToken cancellationToken) =>
        TypedResults.Ok(await prompts.ListChatModelsAsync(cancellationToken));
}
