namespace AiNative.Services.Teams;

/// <summary>A one-time password for <see cref="Account"/>; shown to the administrator once and never stored in clear.</summary>
public sealed record IssuedPassword(UserAccount Account, string OneTimePassword);
