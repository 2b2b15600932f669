namespace AiNative.Portal.Client.Contracts.Gateway;

/// <summary>
/// Where a route sends <paramref name="Weight"/> out of the sum of its weights: one of the team's chat models
/// (<paramref name="ModelId"/>), or a prompt (<paramref name="Prompt"/>): <c>prompt:name@label</c> follows the label (read
/// for every request; <c>@latest</c> is the newest version), <c>prompt:name#3</c> pins version 3. Give one of the two.
/// </summary>
public sealed record RouteTargetDto(Guid? ModelId, int Weight, string? Prompt = null);
