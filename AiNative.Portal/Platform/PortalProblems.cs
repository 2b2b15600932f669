using AiNative.Portal.Client.Contracts;
using AiNative.Services.Platform.Errors;

namespace AiNative.Portal.Platform;

/// <summary>Turns service failures into the API contract's problems, with the same words everywhere.</summary>
public static class PortalProblems
{
    public static ApiProblem ToProblem(this PortalException exception) =>
        new(exception.StatusCode, exception.Title, exception.Message, exception.Errors.Count == 0 ? null : exception.Errors);

    public static ApiException ToApiException(this PortalException exception) => new(exception.ToProblem(), exception);

    public static ApiException Unauthenticated() =>
        new(new ApiProblem(401, "Not signed in", "Your session has ended. Sign in again."));

    public static ApiException NoTeam() =>
        new(new ApiProblem(403, "No team", "You are not a member of any team yet. Ask an administrator to add you to one."));

    public static ApiException TeamNotFound() =>
        new(new ApiProblem(404, "Team not found", "The team does not exist, or you are not one of its members."));
}
