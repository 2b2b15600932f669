using AiNative.Services.Gateway.Calls;

namespace AiNative.Portal.Gateway;

/// <summary>A chat completion request as read off the wire: the gateway's request, and how the answer is to be sent.</summary>
internal sealed record ChatCompletionRequest(GatewayChatRequest Request, bool Stream, bool IncludeUsage);
