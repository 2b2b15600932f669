using System.Text.RegularExpressions;
using AiNative.Portal.Accounts;
using AiNative.Portal.Platform;
using AiNative.Services.Teams;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;

namespace AiNative.Portal.Tests.Security;

/// <summary>
/// One method of one endpoint the portal maps, with what its metadata says about who may call it.
/// Expectations come from the metadata only, so an endpoint added later is judged by the same rules.
/// </summary>
public sealed partial record MatrixEndpoint(RouteEndpoint Endpoint, string Method)
{
    /// <summary>The route as mapped; a group's empty route leaves a trailing slash, which the portal does not need.</summary>
    public string Pattern => (Endpoint.RoutePattern.RawText ?? string.Empty).TrimEnd('/');

    public bool IsApi => Pattern.StartsWith("/api/", StringComparison.Ordinal);

    public bool AcceptsTokens => PortalAuthentication.AcceptsAccessTokens(new Microsoft.AspNetCore.Http.PathString(Pattern));

    public bool HasTeamId => Pattern.Contains("{teamId", StringComparison.Ordinal);

    public bool RequiresSignIn =>
        Endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Count > 0 && Endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null;

    public bool IsTeamScoped => Endpoint.Metadata.GetMetadata<TeamScopedEndpoint>() is not null;

    public bool ForAdministrators => HasPolicy(PortalPolicies.Administrator);

    public bool ForBrowserSessions => HasPolicy(PortalPolicies.BrowserSession);

    public TeamRole TeamRole => TeamRoleRequirement.For(Endpoint, Method);

    public bool IsUnsafe => Method is not ("GET" or "HEAD");

    /// <summary>The path with every route parameter filled: the team's id, random ids for the other ids, numbers where the route asks for them.</summary>
    public string Path(Guid teamId) => Parameter().Replace(Pattern, match => match.Groups["name"].Value switch
    {
        "teamId" => teamId.ToString(),
        "documentName" => "v1",
        _ when match.Value.Contains(":int", StringComparison.Ordinal) || match.Value.Contains(":long", StringComparison.Ordinal) => "1",
        var name when name.EndsWith("Id", StringComparison.Ordinal) || match.Value.Contains(":guid", StringComparison.Ordinal) => Guid.NewGuid().ToString(),
        _ => "sample",
    });

    public override string ToString() => $"{Method} {Pattern}";

    private bool HasPolicy(string policy) => Endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy == policy);

    [GeneratedRegex(@"\{\*{0,2}(?<name>[A-Za-z0-9_]+)[^}]*\}")]
    private static partial Regex Parameter();
}
