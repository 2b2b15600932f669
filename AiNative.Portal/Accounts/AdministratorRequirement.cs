using Microsoft.AspNetCore.Authorization;

namespace AiNative.Portal.Accounts;

/// <summary>Met by portal administrators; see <see cref="AdministratorAuthorizationHandler"/>.</summary>
internal sealed class AdministratorRequirement : IAuthorizationRequirement;
