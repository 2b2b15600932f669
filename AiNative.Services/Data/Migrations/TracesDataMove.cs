namespace AiNative.Services.Data.Migrations;

/// <summary>
/// The SQL of the <c>Traces</c> migration that moves playground runs, their spans and model calls into
/// traces and observations. Times are stored as <c>DateTimeOffsetToBinaryConverter</c> values, whose
/// upper bits count 0.1 ms from bit 11 on, so adding <c>ms * 10 * 2048</c> adds milliseconds.
/// </summary>
internal static class TracesDataMove
{
    public const string RunsToTraces = """
        INSERT INTO "Traces" ("Id", "TeamId", "Source", "Name", "Status", "StartedAt", "EndedAt", "LatencyMs", "Input", "Output", "Privacy",
            "Tags", "Metadata", "ActorId", "ActorName", "PromptId", "PromptName", "PromptVersion", "ModelId", "ModelName",
            "InputTokens", "OutputTokens", "UsageEstimated", "Cost", "TimeToFirstTokenMs", "FinishReason", "ProblemTitle", "ProblemDetail")
        SELECT r."Id", r."TeamId", 'Playground', COALESCE(r."PromptName", 'ad-hoc prompt'), r."Status", r."StartedAt",
            r."StartedAt" + CAST(r."LatencyMs" * 10 AS INTEGER) * 2048, r."LatencyMs",
            json_object(
                'systemTemplate', r."SystemTemplate",
                'userTemplate', r."UserTemplate",
                'variables', json(r."Variables"),
                'settings', json(r."Settings"),
                'retrieval', CASE WHEN r."Retrieval_KnowledgeBaseId" IS NULL THEN NULL ELSE json_object(
                    'knowledgeBaseId', r."Retrieval_KnowledgeBaseId",
                    'knowledgeBaseName', r."Retrieval_KnowledgeBaseName",
                    'queryVariable', r."Retrieval_QueryVariable",
                    'contextVariable', r."Retrieval_ContextVariable",
                    'topK', r."Retrieval_TopK",
                    'minRelevance', r."Retrieval_MinRelevance",
                    'mode', r."Retrieval_Mode") END),
            r."Output", 'Full', '[]', '{}', r."ActorId", r."ActorName", r."PromptId", r."PromptName", r."PromptVersion", r."ModelId", r."ModelName",
            r."InputTokens", r."OutputTokens", r."UsageEstimated", r."Cost", r."TimeToFirstTokenMs", r."FinishReason", r."ProblemTitle", r."ProblemDetail"
        FROM "PromptRuns" r;
        """;

    public const string SpansToObservations = """
        INSERT INTO "Observations" ("Id", "TeamId", "TraceId", "Type", "Name", "Status", "StartedAt", "DurationMs", "ModelId", "ModelName",
            "Input", "Output", "InputTokens", "OutputTokens", "UsageEstimated", "Cost", "TimeToFirstTokenMs", "FinishReason", "Error", "Attributes", "Hits")
        SELECT s."Id", s."TeamId", s."RunId",
            CASE s."Name" WHEN 'retrieve' THEN 'Retrieval' WHEN 'render' THEN 'Render' WHEN 'model call' THEN 'Generation' ELSE 'Span' END,
            CASE s."Name" WHEN 'model call' THEN r."ModelName" ELSE s."Name" END,
            s."Status", r."StartedAt" + CAST(s."StartOffsetMs" * 10 AS INTEGER) * 2048, s."DurationMs",
            CASE WHEN s."Name" = 'model call' THEN r."ModelId" END,
            CASE WHEN s."Name" = 'model call' THEN r."ModelName" END,
            CASE WHEN s."Name" = 'model call' THEN r."Messages" END,
            CASE WHEN s."Name" = 'model call' THEN r."Output" END,
            CASE WHEN s."Name" = 'model call' THEN r."InputTokens" ELSE 0 END,
            CASE WHEN s."Name" = 'model call' THEN r."OutputTokens" ELSE 0 END,
            CASE WHEN s."Name" = 'model call' THEN r."UsageEstimated" ELSE 0 END,
            CASE WHEN s."Name" = 'model call' THEN r."Cost" ELSE 0 END,
            CASE WHEN s."Name" = 'model call' THEN r."TimeToFirstTokenMs" END,
            CASE WHEN s."Name" = 'model call' THEN r."FinishReason" END,
            CASE WHEN s."Name" = 'model call' THEN (SELECT c."Error" FROM "ModelCalls" c WHERE c."Id" = r."ModelCallId") END,
            s."Attributes", s."Hits"
        FROM "RunSpans" s JOIN "PromptRuns" r ON r."Id" = s."RunId";
        """;

    /// <summary>A call outside a run (a knowledge answer, an embedding, a connection test) becomes a trace of its own.</summary>
    public const string CallsToTraces = """
        INSERT INTO "Traces" ("Id", "TeamId", "Source", "Name", "Status", "StartedAt", "EndedAt", "LatencyMs", "Privacy", "Tags", "Metadata",
            "ActorId", "ModelId", "ModelName", "InputTokens", "OutputTokens", "UsageEstimated", "Cost", "TimeToFirstTokenMs", "FinishReason",
            "ProblemTitle", "ProblemDetail")
        SELECT c."Id", c."TeamId", c."Source", c."ModelName", c."Status", c."StartedAt",
            c."StartedAt" + CAST(c."LatencyMs" * 10 AS INTEGER) * 2048, c."LatencyMs", 'Full', '[]', '{}',
            c."ActorId", c."ModelId", c."ModelName", c."InputTokens", c."OutputTokens", c."UsageEstimated", c."Cost", c."TimeToFirstTokenMs", c."FinishReason",
            CASE WHEN c."Status" = 'Failed' THEN 'The model call failed' END, c."Error"
        FROM "ModelCalls" c
        WHERE NOT EXISTS (SELECT 1 FROM "PromptRuns" r WHERE r."ModelCallId" = c."Id");
        """;

    public const string CallsToObservations = """
        INSERT INTO "Observations" ("Id", "TeamId", "TraceId", "Type", "Name", "Status", "StartedAt", "DurationMs", "ModelId", "ModelName",
            "InputTokens", "OutputTokens", "UsageEstimated", "Cost", "TimeToFirstTokenMs", "FinishReason", "Error", "Attributes", "Hits")
        SELECT c."Id", c."TeamId", c."Id", CASE c."Kind" WHEN 'Embedding' THEN 'Embedding' ELSE 'Generation' END, c."ModelName", c."Status",
            c."StartedAt", c."LatencyMs", c."ModelId", c."ModelName",
            c."InputTokens", c."OutputTokens", c."UsageEstimated", c."Cost", c."TimeToFirstTokenMs", c."FinishReason", c."Error", '{}', '[]'
        FROM "ModelCalls" c
        WHERE NOT EXISTS (SELECT 1 FROM "PromptRuns" r WHERE r."ModelCallId" = c."Id");
        """;
}
