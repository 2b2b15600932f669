using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using AiNative.Services.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AiNative.Services.Platform.KeyRing;

public static class KeyRingRegistration
{
    /// <summary>
    /// The Data Protection key ring in the portal database, shared by every replica, and encrypted with
    /// the configured certificate or key (<see cref="KeyRingOptions"/>). The certificates and keys are read here,
    /// while services are registered, because Data Protection takes them only as loaded certificates: a file
    /// that is missing or unreadable, or a key that is not 32 bytes of base64, stops the start with a message that
    /// names its setting; a key ring the configured keys cannot read stops it once the database is open.
    /// </summary>
    public static IServiceCollection AddKeyRing(this IServiceCollection services, IConfiguration configuration)
    {
        var keyRing = services.AddDataProtection()
            .SetApplicationName("AiNative.Portal")
            .PersistKeysToDbContext<PortalDbContext>();
        var options = configuration.GetSection(KeyRingOptions.Section).Get<KeyRingOptions>() ?? new KeyRingOptions();
        var contentRoot = configuration[HostDefaults.ContentRootKey] ?? Directory.GetCurrentDirectory();
        var keys = KeyRingKeys.From(options);
        if (options.Certificate is not null && keys.Current is not null)
        {
            throw new InvalidOperationException(
                $"Set either {KeyRingOptions.Section}:Certificate or {KeyRingKeys.KeySetting}, not both: one of them encrypts new keys. "
                + "To move from one to the other, keep the old one under RetiredCertificates or RetiredKeys.");
        }

        services.AddSingleton(keys);
        services.AddHostedService<KeyRingCheck>();
        if (keys.Current is { } key)
        {
            services.Configure<KeyManagementOptions>(o => o.XmlEncryptor = new KeyRingXmlEncryptor(key));
        }

        if (options.Certificate is { } certificate)
        {
            keyRing.ProtectKeysWithCertificate(Load(certificate, $"{KeyRingOptions.Section}:Certificate", contentRoot));
        }

        var retired = options.RetiredCertificates
            .Select((file, index) => Load(file, $"{KeyRingOptions.Section}:RetiredCertificates:{index}", contentRoot))
            .ToArray();
        if (retired.Length > 0)
        {
            keyRing.UnprotectKeysWithAnyCertificate(retired);
        }

        return services;
    }

    private static X509Certificate2 Load(CertificateFile file, string setting, string contentRoot)
    {
        if (string.IsNullOrWhiteSpace(file.Path))
        {
            throw new InvalidOperationException($"Set {setting}:Path to the PKCS#12 (.pfx) file of the key ring's certificate.");
        }

        var path = Path.GetFullPath(file.Path, contentRoot);
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{setting}:Path names {path}, which does not exist. Set it to the PKCS#12 (.pfx) file of the key ring's certificate.");
        }

        X509Certificate2 loaded;
        try
        {
            loaded = X509CertificateLoader.LoadPkcs12FromFile(path, file.Password);
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException(
                $"{setting}:Path names {path}, which cannot be read as a PKCS#12 certificate with {setting}:Password: {e.Message}", e);
        }

        if (!loaded.HasPrivateKey)
        {
            loaded.Dispose();
            throw new InvalidOperationException($"{setting}:Path names {path}, which holds no private key; the key ring needs it to read its keys.");
        }

        return loaded;
    }
}
