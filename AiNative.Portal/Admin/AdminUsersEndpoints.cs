using AiNative.Portal.Client.Contracts.Admin;
using AiNative.Portal.Platform;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AiNative.Portal.Admin;

public static class AdminUsersEndpoints
{
    public static IEndpointRouteBuilder MapAdminUsersApi(this IEndpointRouteBuilder endpoints)
    {
        var users = endpoints.MapAdminGroup("users", "Administration");
        users.MapGet("", ListAsync).WithName("AdminListUsers").WithSummary("Every account");
        users.MapPost("", CreateAsync).WithName("AdminCreateUser").WithSummary("Create an account with a one-time password, returned once");
        users.MapPost("{userId:guid}/password-reset", ResetPasswordAsync).WithName("AdminResetPassword")
            .WithSummary("Replace an account's password with a one-time password, returned once");
        users.MapPut("{userId:guid}/lock", SetLockedAsync).WithName("AdminLockUser").WithSummary("Lock or unlock an account");
        users.MapPut("{userId:guid}/administrator", SetAdministratorAsync).WithName("AdminSetAdministrator")
            .WithSummary("Grant or revoke administration");
        return endpoints;
    }

    private static async Task<Ok<IReadOnlyList<AdminUserDto>>> ListAsync(IAdminUsersApi users, CancellationToken cancellationToken) =>
        TypedResults.Ok(await users.ListAsync(cancellationToken));

    private static async Task<Ok<OneTimePasswordDto>> CreateAsync(CreateUserRequest request, IAdminUsersApi users, CancellationToken cancellationToken) =>
        TypedResults.Ok(await users.CreateAsync(request, cancellationToken));

    private static async Task<Ok<OneTimePasswordDto>> ResetPasswordAsync(Guid userId, IAdminUsersApi users, CancellationToken cancellationToken) =>
        TypedResults.Ok(await users.ResetPasswordAsync(userId, cancellationToken));

    private static async Task<Ok<AdminUserDto>> SetLockedAsync(Guid userId, SetLockedRequest request, IAdminUsersApi users, CancellationToken cancellationToken) =>
        TypedResults.Ok(await users.SetLockedAsync(userId, request, cancellationToken));

    private static async Task<Ok<AdminUserDto>> SetAdministratorAsync(Guid userId, SetAdministratorRequest request, IAdminUsersApi users, CancellationToken cancellationToken) =>
        TypedResults.Ok(await users.SetAdministratorAsync(userId, request, cancellationToken));
}
