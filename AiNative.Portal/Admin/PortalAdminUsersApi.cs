using AiNative.Portal.Client.Contracts.Admin;
using AiNative.Portal.Platform;
using AiNative.Services.Teams;

namespace AiNative.Portal.Admin;

/// <summary>Account administration in process; the service checks that the caller is an administrator.</summary>
internal sealed class PortalAdminUsersApi(UserAdministration users, CurrentPrincipal principal) : IAdminUsersApi
{
    public async Task<IReadOnlyList<AdminUserDto>> ListAsync(CancellationToken cancellationToken = default)
    {
        var callerId = await principal.RequireUserIdAsync();
        var list = await ServerApi.CallAsync(() => users.ListAsync(callerId, cancellationToken));
        return list.Select(u => u.ToDto()).ToList();
    }

    public async Task<OneTimePasswordDto> CreateAsync(CreateUserRequest request, CancellationToken cancellationToken = default)
    {
        var callerId = await principal.RequireUserIdAsync();
        var issued = await ServerApi.CallAsync(() => users.CreateAsync(callerId, request.DisplayName ?? string.Empty, request.Email ?? string.Empty, cancellationToken));
        return issued.ToDto();
    }

    public async Task<OneTimePasswordDto> ResetPasswordAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var callerId = await principal.RequireUserIdAsync();
        var issued = await ServerApi.CallAsync(() => users.ResetPasswordAsync(callerId, userId, cancellationToken));
        return issued.ToDto();
    }

    public async Task<AdminUserDto> SetLockedAsync(Guid userId, SetLockedRequest request, CancellationToken cancellationToken = default)
    {
        var callerId = await principal.RequireUserIdAsync();
        var user = await ServerApi.CallAsync(() => users.SetLockedAsync(callerId, userId, request.Locked, cancellationToken));
        return user.ToDto();
    }

    public async Task<AdminUserDto> SetAdministratorAsync(Guid userId, SetAdministratorRequest request, CancellationToken cancellationToken = default)
    {
        var callerId = await principal.RequireUserIdAsync();
        var user = await ServerApi.CallAsync(() => users.SetAdministratorAsync(callerId, userId, request.IsAdministrator, cancellationToken));
        return user.ToDto();
    }
}
