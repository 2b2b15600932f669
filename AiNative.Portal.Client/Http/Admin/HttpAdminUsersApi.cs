using AiNative.Portal.Client.Contracts.Admin;

namespace AiNative.Portal.Client.Http.Admin;

internal sealed class HttpAdminUsersApi(PortalApiClient api) : IAdminUsersApi
{
    private const string Users = "api/admin/users";

    public Task<IReadOnlyList<AdminUserDto>> ListAsync(CancellationToken cancellationToken = default) =>
        api.GetAsync<IReadOnlyList<AdminUserDto>>(Users, cancellationToken);

    public Task<OneTimePasswordDto> CreateAsync(CreateUserRequest request, CancellationToken cancellationToken = default) =>
        api.SendJsonAsync<OneTimePasswordDto>(HttpMethod.Post, Users, request, cancellationToken);

    public Task<OneTimePasswordDto> ResetPasswordAsync(Guid userId, CancellationToken cancellationToken = default) =>
        api.SendJsonAsync<OneTimePasswordDto>(HttpMethod.Post, $"{Users}/{userId}/password-reset", null, cancellationToken);

    public Task<AdminUserDto> SetLockedAsync(Guid userId, SetLockedRequest request, CancellationToken cancellationToken = default) =>
        api.SendJsonAsync<AdminUserDto>(HttpMethod.Put, $"{Users}/{userId}/lock", request, cancellationToken);

    public Task<AdminUserDto> SetAdministratorAsync(Guid userId, SetAdministratorRequest request, CancellationToken cancellationToken = default) =>
        api.SendJsonAsync<AdminUserDto>(HttpMethod.Put, $"{Users}/{userId}/administrator", request, cancellationToken);
}
