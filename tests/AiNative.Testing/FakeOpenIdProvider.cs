using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AiNative.Testing;

/// <summary>
/// A local OpenID Connect provider on 127.0.0.1 for the authorization code flow: discovery, signing
/// keys, an authorize endpoint that signs in <see cref="NextUser"/> at once and answers with the
/// form-post page a real provider sends, a token endpoint that issues an RS256-signed ID token, and
/// user info. Enough for the portal's OpenID Connect handler to run as it does against a real one.
/// </summary>
public sealed class FakeOpenIdProvider : IAsyncDisposable
{
    public const string ClientId = "ainative-portal";
    public const string ClientSecret = "fake-client-secret";

    private readonly WebApplication _app;
    private readonly RSA _rsa = RSA.Create(2048);
    private readonly RsaSecurityKey _key;
    private readonly ConcurrentDictionary<string, (FakeIdentityUser User, string Nonce)> _codes = new();

    private FakeOpenIdProvider(WebApplication app)
    {
        _app = app;
        _key = new RsaSecurityKey(_rsa) { KeyId = "fake-key" };
    }

    /// <summary>The issuer, which the portal is configured with as its authority.</summary>
    public string Authority { get; private set; } = string.Empty;

    public FakeIdentityUser NextUser { get; set; } = new("subject-1", "kim@example.com", "Kim Sso", true, []);

    public static async Task<FakeOpenIdProvider> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var provider = new FakeOpenIdProvider(app);
        provider.Map(app);
        await app.StartAsync();
        provider.Authority = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return provider;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _rsa.Dispose();
    }

    private void Map(WebApplication app)
    {
        app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = Authority,
            ["authorization_endpoint"] = $"{Authority}/authorize",
            ["token_endpoint"] = $"{Authority}/token",
            ["userinfo_endpoint"] = $"{Authority}/userinfo",
            ["jwks_uri"] = $"{Authority}/jwks",
            ["response_types_supported"] = new[] { "code" },
            ["subject_types_supported"] = new[] { "public" },
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        }));
        app.MapGet("/jwks", () =>
        {
            var parameters = _rsa.ExportParameters(includePrivateParameters: false);
            return Results.Json(new
            {
                keys = new[]
                {
                    new { kty = "RSA", use = "sig", alg = "RS256", kid = _key.KeyId, n = Base64UrlEncoder.Encode(parameters.Modulus), e = Base64UrlEncoder.Encode(parameters.Exponent) },
                },
            });
        });
        app.MapGet("/authorize", Authorize);
        app.MapPost("/token", TokenAsync);
        app.MapGet("/userinfo", () => Results.Json(Claims(NextUser)));
    }

    /// <summary>Signs in <see cref="NextUser"/> and sends the browser back with a code, as an auto-posting form.</summary>
    private IResult Authorize(HttpRequest request)
    {
        var code = Guid.NewGuid().ToString("N");
        _codes[code] = (NextUser, request.Query["nonce"].ToString());
        var redirect = WebUtility.HtmlEncode(request.Query["redirect_uri"].ToString());
        var state = WebUtility.HtmlEncode(request.Query["state"].ToString());
        return Results.Content(
            $"""<html><body><form method="post" action="{redirect}"><input type="hidden" name="code" value="{code}" /><input type="hidden" name="state" value="{state}" /></form></body></html>""",
            "text/html");
    }

    private async Task<IResult> TokenAsync(HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        if (form["client_id"] != ClientId || form["client_secret"] != ClientSecret || !_codes.TryRemove(form["code"].ToString(), out var grant))
        {
            return Results.Json(new { error = "invalid_grant" }, statusCode: 400);
        }

        var claims = Claims(grant.User);
        claims["nonce"] = grant.Nonce;
        var idToken = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Authority,
            Audience = ClientId,
            Claims = claims,
            IssuedAt = DateTime.UtcNow,
            Expires = DateTime.UtcNow.AddMinutes(5),
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.RsaSha256),
        });
        return Results.Json(new { access_token = Guid.NewGuid().ToString("N"), token_type = "Bearer", expires_in = 300, id_token = idToken });
    }

    private static Dictionary<string, object> Claims(FakeIdentityUser user) => new()
    {
        ["sub"] = user.Subject,
        ["email"] = user.Email,
        ["email_verified"] = user.EmailVerified,
        ["name"] = user.Name,
        ["groups"] = user.Groups.ToArray(),
    };

    /// <summary>The code and state of the form-post page <see cref="Authorize"/> answers with.</summary>
    public static (string Action, Dictionary<string, string> Fields) ReadFormPost(string html)
    {
        var action = System.Text.RegularExpressions.Regex.Match(html, "action=\"([^\"]+)\"").Groups[1].Value;
        var fields = System.Text.RegularExpressions.Regex.Matches(html, "name=\"([^\"]+)\" value=\"([^\"]*)\"")
            .ToDictionary(m => m.Groups[1].Value, m => WebUtility.HtmlDecode(m.Groups[2].Value));
        return (WebUtility.HtmlDecode(action), fields);
    }
}
