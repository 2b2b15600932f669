namespace AiNative.Testing;

/// <summary>Who signs in at the <see cref="FakeOpenIdProvider"/> next, with the claims it vouches for.</summary>
public sealed record FakeIdentityUser(string Subject, string Email, string Name, bool EmailVerified, IReadOnlyList<string> Groups);
