using AiNative.Services.Platform.Errors;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AiNative.Services.Teams;

/// <summary>
/// Creates the first administrator from configuration at start-up, after the database is ready,
/// when <c>Portal:Setup:AdministratorEmail</c> is set and no account exists. A setting that cannot
/// work stops the start with a message naming the key; the password is never logged.
/// </summary>
internal sealed partial class ConfiguredAdministrator(
    IServiceScopeFactory scopes,
    IOptions<SetupOptions> options,
    SetupState state,
    ILogger<ConfiguredAdministrator> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var setup = options.Value;
        if (string.IsNullOrWhiteSpace(setup.AdministratorEmail) || await state.IsCompleteAsync(cancellationToken))
        {
            return;
        }

        if (string.IsNullOrEmpty(setup.AdministratorPassword))
        {
            throw new InvalidOperationException(
                $"{SetupOptions.Section}:AdministratorEmail is set but {SetupOptions.Section}:AdministratorPassword is empty. Set both, or neither to create the administrator in the browser.");
        }

        await using var scope = scopes.CreateAsyncScope();
        var administratorSetup = scope.ServiceProvider.GetRequiredService<AdministratorSetup>();
        var name = string.IsNullOrWhiteSpace(setup.AdministratorName) ? "Administrator" : setup.AdministratorName;
        try
        {
            await administratorSetup.CreateFirstAdministratorAsync(name, setup.AdministratorEmail, setup.AdministratorPassword, cancellationToken);
        }
        catch (ValidationFailedException e)
        {
            throw new InvalidOperationException($"The administrator in {SetupOptions.Section} cannot be created: {e.Message}", e);
        }

        LogCreated(setup.AdministratorEmail);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the first administrator {Email} from configuration")]
    private partial void LogCreated(string email);
}
