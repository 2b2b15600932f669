using System.Linq.Expressions;

namespace AiNative.Services.Teams;

/// <summary>
/// The two kinds of lock an account can carry. An administrator's lock lasts until it is lifted;
/// Identity's lockout after failed sign-ins ends by itself and guards only the password. Only the
/// first ends sessions, stops access tokens and administrator rights: otherwise anyone who knows
/// an address could throw that user out with a few wrong passwords.
/// </summary>
public static class AccountLocks
{
    /// <summary>The lockout end an administrator's lock sets: the last day the calendar has.</summary>
    public static readonly DateTimeOffset UntilUnlocked = new(9999, 12, 31, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// Whether a lockout end is an administrator's lock. Compared by order, not equality: the
    /// database keeps times to the millisecond.
    /// </summary>
    public static bool IsLockedByAdministrator(DateTimeOffset? lockoutEnd) => lockoutEnd >= UntilUnlocked;

    /// <summary>The same test for a database query: accounts no administrator has locked.</summary>
    public static Expression<Func<PortalUser, bool>> NotLockedByAdministrator { get; } =
        u => u.LockoutEnd == null || u.LockoutEnd < UntilUnlocked;
}
