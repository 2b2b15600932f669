using System.Net;
using System.Text.RegularExpressions;

namespace AiNative.Bench.Http;

/// <summary>A client signed in to the portal process through its login form as the unattended administrator, as a browser would be.</summary>
public static partial class PortalBrowser
{
    /// <summary>Keeps the sign-in cookie and sends the portal's client header, so it may make changes through the API.</summary>
    public static async Task<HttpClient> SignInAsync(Uri address)
    {
        var browser = new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = address };
        var form = await browser.GetStringAsync("/account/login");
        using var signIn = await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(AntiforgeryField().Match(form).Groups[1].Value),
            ["Input.Email"] = PortalProcess.AdminEmail,
            ["Input.Password"] = PortalProcess.AdminPassword,
        }));
        if (signIn.StatusCode != HttpStatusCode.Redirect)
        {
            browser.Dispose();
            throw new InvalidOperationException($"Signing in answered {(int)signIn.StatusCode}.");
        }

        browser.DefaultRequestHeaders.Add("X-AiNative-Client", "bench");
        return browser;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
