using System.Security.Cryptography;
using System.Xml.Linq;
using AiNative.Services.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AiNative.Services.Platform.KeyRing;

/// <summary>
/// At start-up, after the database is migrated: every key ring key encrypted with a key from configuration must
/// decrypt with the configured keys. Data Protection would otherwise skip such a key with a logged error, make a new
/// one, and leave every cookie and provider API key it protected unreadable; a wrong or missing key stops the start
/// instead, saying which key is needed.
/// </summary>
internal sealed class KeyRingCheck(IServiceProvider services, KeyRingKeys keys) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(cancellationToken);
        var stored = await db.DataProtectionKeys.AsNoTracking().Select(k => new { k.FriendlyName, k.Xml }).ToListAsync(cancellationToken);
        foreach (var key in stored)
        {
            foreach (var encrypted in XElement.Parse(key.Xml ?? "<key/>").Descendants(KeyRingXmlEncryptor.Element))
            {
                try
                {
                    KeyRingXmlDecryptor.Decrypt(encrypted, keys);
                }
                catch (Exception e) when (e is CryptographicException or FormatException or System.Xml.XmlException)
                {
                    throw new InvalidOperationException(
                        $"The Data Protection key ring cannot be read: {key.FriendlyName}: {e.Message} The portal did not start. "
                        + "If that key is lost, delete the key ring's rows (table DataProtectionKeys): everyone signs in again and the providers' API keys must be entered again.",
                        e);
                }
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
