namespace AiNative.Services.Knowledge;

/// <summary>The demo knowledge base's documents: short Markdown pages about the portal itself.</summary>
internal static class HandbookDocuments
{
    public const string BaseName = "Portal handbook";

    public const string BaseDescription = "How AiNative Portal works: models, prompts, knowledge and the playground. A demo base; delete it when you like.";

    public static IReadOnlyList<(string FileName, string Markdown, string Topic)> All { get; } =
    [
        ("models.md", Models, "models"),
        ("prompts.md", Prompts, "prompts"),
        ("knowledge.md", Knowledge, "knowledge"),
        ("playground.md", Playground, "playground"),
    ];

    private const string Models = """
        # Models

        A team registers the models it may use on the Models page. A model belongs to a provider:
        OpenAI, Azure OpenAI through its v1 endpoint, any OpenAI-compatible server such as Ollama,
        vLLM, LM Studio or llama.cpp, Ollama's native API, or the built-in offline provider.

        ## Keys and limits

        Provider API keys are encrypted at rest and never shown again after they are saved. Each
        model has a context window, a maximum number of output tokens, and prices per million input
        and output tokens, so every call's cost is known.

        ## The offline provider

        The offline provider needs no network and no key. Its chat model is an extractive responder
        that quotes the sentences of the context that best match the question; it is not a language
        model. Its embedding model computes hashed word and character n-gram vectors of 384 dimensions.
        """;

    private const string Prompts = """
        # Prompts

        Prompts are versioned templates with variables such as {{$question}} and {{$context}}. Every
        saved change creates a new version; old versions stay readable and can be compared.

        ## Labels

        Labels such as production and staging point at one version each. Applications ask the
        gateway for a prompt by label, so promoting a version is moving a label, with no deploy.

        ## Settings

        A prompt version carries its model settings: the model, temperature, top-p, maximum output
        tokens and the response format (text or JSON).
        """;

    private const string Knowledge = """
        # Knowledge bases

        A knowledge base holds documents for retrieval-augmented generation. Upload text, Markdown,
        HTML, PDF, Word, CSV or JSON files; the portal checks each file's type by its content.

        ## Ingestion

        Each document passes four steps: extract, partition, embed and save. Extraction keeps page
        numbers and headings. Partitioning cuts the text into chunks of a maximum number of tokens
        with an overlap. Embedding turns each chunk into a vector with the base's embedding model.
        Saving makes the chunks searchable. The state is saved after every step, so a restart resumes
        ingestion where it stopped.

        ## Search

        Search is hybrid by default: vector similarity and BM25 keyword ranking fused by reciprocal
        rank fusion. Filter by tags such as team=support, and set a minimum relevance.

        ## Answers with citations

        Ask a question of a base and the portal retrieves the most relevant chunks, asks a chat model
        to answer from them, and shows numbered citations that open the cited chunk. When nothing is
        relevant enough, it says so instead of answering.
        """;

    private const string Playground = """
        # Playground

        The playground runs a prompt in the browser and shows the rendered prompt, the retrieved
        context, the streamed output, tokens, latency, cost and the trace of every call.

        ## Retrieval in prompts

        A prompt's context variable can be filled from a knowledge base: the playground retrieves the
        best chunks for the question and inserts them as numbered sources.

        ## Comparing models

        Run the same prompt against several models side by side to compare answers, latency and cost
        before promoting a prompt version or changing a model alias.
        """;
}
