namespace AiNative.Testing;

/// <summary>How <see cref="FakeOpenAiServer"/> fails one chat request: an HTTP status and, for a 429, the wait it asks for.</summary>
public sealed record FakeFailure(int Status, TimeSpan? RetryAfter = null);
