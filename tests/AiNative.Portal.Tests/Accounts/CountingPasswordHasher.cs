using AiNative.Services.Teams;
using Microsoft.AspNetCore.Identity;

namespace AiNative.Portal.Tests.Accounts;

/// <summary>Identity's own hasher, counting how many passwords it hashes or checks (each is the same costly key derivation).</summary>
internal sealed class CountingPasswordHasher : IPasswordHasher<PortalUser>
{
    private readonly PasswordHasher<PortalUser> _inner = new();
    private int _count;

    public int Count => _count;

    public void Reset() => Interlocked.Exchange(ref _count, 0);

    public string HashPassword(PortalUser user, string password)
    {
        Interlocked.Increment(ref _count);
        return _inner.HashPassword(user, password);
    }

    public PasswordVerificationResult VerifyHashedPassword(PortalUser user, string hashedPassword, string providedPassword)
    {
        Interlocked.Increment(ref _count);
        return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}
