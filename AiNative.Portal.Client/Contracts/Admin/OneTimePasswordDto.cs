namespace AiNative.Portal.Client.Contracts.Admin;

/// <summary>A password to hand to <see cref="User"/>, who must replace it at first sign-in. It is never shown again.</summary>
public sealed record OneTimePasswordDto(AdminUserDto User, string OneTimePassword);
