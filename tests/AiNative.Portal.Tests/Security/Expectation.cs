using System.Net;

namespace AiNative.Portal.Tests.Security;

/// <summary>What a caller must be answered: refused with one status, or let through (any answer but 401/403 and no server error).</summary>
public sealed record Expectation(HttpStatusCode? Refusal, bool RedirectToSignIn = false)
{
    public static Expectation Allowed { get; } = new((HttpStatusCode?)null);

    public static Expectation Refused(HttpStatusCode status) => new(status);

    public static Expectation SignInPage { get; } = new(HttpStatusCode.Redirect, RedirectToSignIn: true);

    /// <summary>Null when <paramref name="response"/> meets the expectation, otherwise what is wrong.</summary>
    public string? Check(HttpResponseMessage response)
    {
        var status = response.StatusCode;
        if (RedirectToSignIn)
        {
            return status == HttpStatusCode.Redirect && response.Headers.Location?.ToString().Contains("/account/login", StringComparison.Ordinal) == true
                ? null
                : $"expected a redirect to sign in, got {(int)status}";
        }

        if (Refusal is { } refusal)
        {
            return status == refusal ? null : $"expected {(int)refusal}, got {(int)status}";
        }

        return status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden || (int)status >= 500
            ? $"expected to be let through, got {(int)status}"
            : null;
    }

    public override string ToString() => RedirectToSignIn ? "sign-in redirect" : Refusal is { } r ? ((int)r).ToString() : "allowed";
}
