using AiNative.Services.Platform.Audit;
using AiNative.Services.Platform.Errors;
using Microsoft.Extensions.DependencyInjection;

namespace AiNative.Services.Teams;

/// <summary>
/// A user replaces their password (the one-time one included). Identity renews the security
/// stamp, which ends the user's other sessions; the caller renews its own sign-in.
/// </summary>
public sealed class PasswordChange(IServiceScopeFactory scopes, AuditTrail audit)
{
    /// <summary>Changes the password; returns the account as saved, with its new security stamp, for renewing the sign-in.</summary>
    public async Task<PortalUser> ChangeAsync(Guid userId, string currentPassword, string newPassword, CancellationToken cancellationToken)
    {
        new Validation()
            .Require(!string.IsNullOrEmpty(currentPassword), "CurrentPassword", "Enter your current password.")
            .Require(!string.IsNullOrEmpty(newPassword), "NewPassword", "Choose a new password.")
            .Require(newPassword != currentPassword, "NewPassword", "Choose a password different from the current one.")
            .ThrowIfInvalid();
        await using var work = await IdentityWork.BeginAsync(scopes, cancellationToken);
        var user = await work.Users.FindByIdAsync(userId.ToString()) ?? throw new NotFoundException(UserAdministration.AuditKind, userId);
        if (!await work.Users.HasPasswordAsync(user))
        {
            throw new ConflictException("Your account signs in through single sign-on; change your password with your identity provider.");
        }

        if (!await work.Users.CheckPasswordAsync(user, currentPassword))
        {
            throw new ValidationFailedException("CurrentPassword", "The current password is wrong.");
        }

        IdentityWork.Check(await work.Users.ChangePasswordAsync(user, currentPassword, newPassword), "NewPassword");
        user.MustChangePassword = false;
        IdentityWork.Check(await work.Users.UpdateAsync(user), "NewPassword");
        audit.Record(work.Db, null, new Actor(user.Id, user.DisplayName), AuditAction.Updated, UserAdministration.AuditKind, user.Id,
            TeamMembers.Describe(user.DisplayName, user.Email), "password changed");
        await work.CommitAsync(cancellationToken);
        return user;
    }
}
