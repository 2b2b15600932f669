using AiNative.Portal.Client.Components.Playground;
using AiNative.Portal.Client.Contracts;
using AiNative.Portal.Client.Contracts.Knowledge;
using AiNative.Portal.Client.Contracts.Prompts;
using AiNative.Portal.Client.Contracts.Runs;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;

namespace AiNative.Portal.Client.Pages.Playground;

/// <summary>
/// Runs prompts in the browser. The page is prerendered on the server (with the in-process APIs),
/// then runs in WebAssembly over the HTTP API; what it loaded while prerendering is handed over
/// with <see cref="PersistentStateAttribute"/>, so nothing is loaded twice and nothing flickers.
/// </summary>
public sealed partial class Playground : IDisposable
{
    /// <summary>A streamed answer re-renders at most this often, plus a millisecond per 50 characters of it:
    /// its Markdown is converted and sanitised on each render, which takes longer as it grows.</summary>
    private static readonly TimeSpan RenderInterval = TimeSpan.FromMilliseconds(50);

    private const double CharactersPerExtraMillisecond = 50;

    private readonly PlaygroundDraft _draft = new();
    private readonly FieldErrors _errors = new();
    private IReadOnlyList<TemplateErrorDto> _templateErrors = [];
    private int _analysis;
    private ShownRun? _shown;
    private Guid? _shownRunId;
    private ApiProblem? _problem;
    private CancellationTokenSource? _running;
    private Guid? _historyFilter;
    private bool _started;

    [Inject]
    private IPromptsApi PromptsApi { get; set; } = null!;

    [Inject]
    private IRunsApi RunsApi { get; set; } = null!;

    [Inject]
    private IKnowledgeApi KnowledgeApi { get; set; } = null!;

    [Inject]
    private NavigationManager Navigation { get; set; } = null!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = null!;

    [PersistentState]
    public IReadOnlyList<PromptSummaryDto>? PromptList { get; set; }

    [PersistentState]
    public IReadOnlyList<ChatModelOptionDto>? Models { get; set; }

    [PersistentState]
    public RunPageDto? History { get; set; }

    /// <summary>The team's knowledge bases, which an ad-hoc prompt may retrieve from.</summary>
    [PersistentState]
    public IReadOnlyList<KnowledgeBaseDto>? KnowledgeBases { get; set; }

    [PersistentState]
    public PromptDetailsDto? SelectedPrompt { get; set; }

    [PersistentState]
    public RunDetailsDto? OpenedRun { get; set; }

    /// <summary>A saved run to reopen, with its inputs and output.</summary>
    [SupplyParameterFromQuery(Name = "run")]
    public Guid? RunId { get; set; }

    /// <summary>A prompt to start from (the prompt pages link here), with <see cref="Version"/> or its production version.</summary>
    [SupplyParameterFromQuery(Name = "prompt")]
    public Guid? PromptId { get; set; }

    [SupplyParameterFromQuery(Name = "version")]
    public int? Version { get; set; }

    private bool IsRunning => _running is not null;

    private bool CanRun => RendererInfo.IsInteractive && !IsRunning && _draft.ModelId is not null
        && (_draft.IsAdHoc
            ? _templateErrors.Count == 0 && !(string.IsNullOrWhiteSpace(_draft.SystemTemplate) && string.IsNullOrWhiteSpace(_draft.UserTemplate))
            : _draft.Version is not null);

    public void Dispose() => _running?.Cancel();

    protected override async Task OnParametersSetAsync()
    {
        try
        {
            PromptList ??= await PromptsApi.ListAsync();
            Models ??= await PromptsApi.ListChatModelsAsync();
            History ??= await RunsApi.ListAsync(new RunListQuery());
            KnowledgeBases ??= await KnowledgeApi.ListBasesAsync();
            if (RunId is { } runId && runId != _shownRunId)
            {
                await OpenRunAsync(runId);
            }
            else if (!_started && RunId is null)
            {
                await UsePromptAsync(PromptId ?? PromptList.FirstOrDefault()?.Id, Version);
            }

            _started = true;
        }
        catch (ApiException e)
        {
            _problem = e.Problem;
        }
    }

    private async Task OpenRunAsync(Guid runId)
    {
        OpenedRun = OpenedRun?.Summary.Id == runId ? OpenedRun : await RunsApi.GetAsync(runId);
        var prompt = OpenedRun.Summary.PromptId is { } promptId && PromptList!.Any(p => p.Id == promptId)
            ? await LoadPromptAsync(promptId)
            : null;
        _draft.UseRun(OpenedRun, prompt, Models!);
        _templateErrors = [];
        _errors.Clear();
        _shown = ShownRun.Saved(OpenedRun);
        _shownRunId = runId;
    }

    /// <summary>Starts from a saved prompt at <paramref name="version"/> (else its production version, else its latest), or ad-hoc without one.</summary>
    private async Task UsePromptAsync(Guid? promptId, int? version)
    {
        _errors.Clear();
        if (promptId is not { } id || !PromptList!.Any(p => p.Id == id))
        {
            _draft.IsAdHoc = true;
            _draft.UseModel(null, Models!);
            return;
        }

        var prompt = await LoadPromptAsync(id);
        if (PlaygroundDraft.StartingVersion(prompt, version) is not { } chosen)
        {
            // A prompt without versions: the picker says so, and Run waits for a version.
            _draft.IsAdHoc = false;
            _draft.PromptId = id;
            _draft.Version = null;
            return;
        }

        _draft.UseVersion(prompt, chosen, Models!);
    }

    private async Task<PromptDetailsDto> LoadPromptAsync(Guid promptId) =>
        SelectedPrompt = SelectedPrompt?.Id == promptId ? SelectedPrompt : await PromptsApi.GetAsync(promptId);

    private async Task OnPromptChangedAsync(Guid? promptId)
    {
        try
        {
            await UsePromptAsync(promptId, null);
        }
        catch (ApiException e)
        {
            Snackbar.Add(e.Problem.Message, Severity.Error);
        }
    }

    private void OnVersionChanged(int? number)
    {
        if (SelectedPrompt?.Versions.FirstOrDefault(v => v.Number == number) is { } version)
        {
            _draft.UseVersion(SelectedPrompt, version, Models!);
            _errors.Clear();
        }
    }

    /// <summary>Ad-hoc starts from the templates shown (a version's, to change them); saved goes back to the version as it is.</summary>
    private async Task OnAdHocChangedAsync(bool adHoc)
    {
        _errors.Clear();
        if (adHoc)
        {
            _draft.EditAsAdHoc();
            await AnalyzeAsync();
        }
        else
        {
            await OnPromptChangedAsync(_draft.PromptId ?? PromptList?.FirstOrDefault()?.Id);
            _draft.IsAdHoc = _draft.PromptId is null;
        }
    }

    /// <summary>Finds the ad-hoc templates' variables and problems; an answer overtaken by later typing is dropped.</summary>
    private async Task AnalyzeAsync()
    {
        var analysis = ++_analysis;
        try
        {
            var found = await PromptsApi.AnalyzeAsync(new AnalyzeTemplatesRequest(_draft.SystemTemplate, _draft.UserTemplate));
            if (analysis == _analysis)
            {
                _templateErrors = found.Errors;
                _draft.UseVariables(found.Variables);
            }
        }
        catch (ApiException e)
        {
            Snackbar.Add(e.Problem.Message, Severity.Error);
        }
    }

    private async Task RunAsync()
    {
        if (!CanRun)
        {
            return;
        }

        if (_draft.MissingValues() is { Count: > 0 } missing)
        {
            _errors.Show(missing);
            return;
        }

        var previous = _shown;
        var shown = _shown = ShownRun.Starting();
        _errors.Clear();
        using var running = _running = new CancellationTokenSource();
        var render = new RenderThrottle(
            () => RenderInterval + TimeSpan.FromMilliseconds(shown.OutputLength / CharactersPerExtraMillisecond),
            () => InvokeAsync(StateHasChanged));
        try
        {
            await foreach (var update in RunsApi.StreamAsync(_draft.ToRequest(), running.Token))
            {
                shown.Apply(update);
                await (update is RunDeltaEventDto ? render.RequestAsync() : render.NowAsync());
            }
        }
        catch (ApiException e) when (shown.RunId is null)
        {
            // Refused before anything was sent (a missing value, say): the form shows why, and nothing was saved.
            _shown = _shown == shown ? previous : _shown;
            _errors.Show(e.Errors);
            Snackbar.Add(e.Problem.Message, Severity.Error);
            return;
        }
        catch (ApiException e)
        {
            Snackbar.Add(e.Problem.Message, Severity.Warning);
        }
        catch (OperationCanceledException) when (running.IsCancellationRequested)
        {
            shown.Cancel();
        }
        finally
        {
            _running = null;
        }

        await ShowSavedAsync(shown);
    }

    private void Cancel() => _running?.Cancel();

    /// <summary>
    /// Replaces the streamed run by the run as the portal saved it, with its trace, unless another
    /// run was opened meanwhile; puts it in the address, so a reload reopens it.
    /// </summary>
    private async Task ShowSavedAsync(ShownRun shown)
    {
        StateHasChanged();
        try
        {
            // A run that ended brought its record with its last event; one cancelled here is read once it has ended on the server.
            var saved = shown.Recorded ?? await RunsApi.GetAsync(
                shown.RunId ?? throw new InvalidOperationException("The run was not rendered, so it was not saved."), settled: true);
            if (_shown == shown)
            {
                OpenedRun = saved;
                _shown = ShownRun.Saved(saved);
                _shownRunId = saved.Summary.Id;
                _errors.Show(shown.Problem?.Errors);
                Navigation.NavigateTo($"playground?run={saved.Summary.Id}", replace: true);
            }

            History = await RunsApi.ListAsync(new RunListQuery(_historyFilter));
        }
        catch (ApiException e)
        {
            Snackbar.Add(e.Problem.Message, Severity.Warning);
        }
    }

    private async Task OnKeyDownAsync(KeyboardEventArgs e)
    {
        if (e.CtrlKey && e.Key == "Enter")
        {
            await RunAsync();
        }
        else if (e.Key == "Escape")
        {
            Cancel();
        }
    }

    private Task OnHistoryPageAsync(int page) => LoadHistoryAsync(new RunListQuery(_historyFilter, page));

    private Task OnHistoryFilterAsync(Guid? promptId)
    {
        _historyFilter = promptId;
        return LoadHistoryAsync(new RunListQuery(promptId));
    }

    private async Task LoadHistoryAsync(RunListQuery query)
    {
        try
        {
            History = await RunsApi.ListAsync(query);
        }
        catch (ApiException e)
        {
            Snackbar.Add(e.Problem.Message, Severity.Error);
        }
    }
}
