namespace AiNative.Portal.Client.Contracts.Admin;

/// <summary>Accounts, for administrators. New and reset passwords are one-time passwords, returned once.</summary>
public interface IAdminUsersApi
{
    Task<IReadOnlyList<AdminUserDto>> ListAsync(CancellationToken cancellationToken = default);

    Task<OneTimePasswordDto> CreateAsync(CreateUserRequest request, CancellationToken cancellationToken = default);

    Task<OneTimePasswordDto> ResetPasswordAsync(Guid userId, CancellationToken cancellationToken = default);

    Task<AdminUserDto> SetLockedAsync(Guid userId, SetLockedRequest request, CancellationToken cancellationToken = default);

    Task<AdminUserDto> SetAdministratorAsync(Guid userId, SetAdministratorRequest request, CancellationToken cancellationToken = default);
}
