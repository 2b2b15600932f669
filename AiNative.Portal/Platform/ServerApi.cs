using AiNative.Services.Platform.Errors;

namespace AiNative.Portal.Platform;

/// <summary>
/// Runs a service call for an in-process API implementation, so that pages and HTTP endpoints see
/// the same <see cref="AiNative.Portal.Client.Contracts.ApiException"/> as the HTTP client throws.
/// </summary>
public static class ServerApi
{
    public static async Task<T> CallAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (PortalException e)
        {
            throw e.ToApiException();
        }
    }

    public static async Task CallAsync(Func<Task> call)
    {
        try
        {
            await call();
        }
        catch (PortalException e)
        {
            throw e.ToApiException();
        }
    }
}
