using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using AiNative.Services.Platform.Errors;
using AiNative.Services.Platform.Secrets;
using AiNative.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AiNative.Services.Tests.Platform;

public sealed class KeyRingTests : IDisposable
{
    private const string Password = "key ring password";

    private readonly string _certificates = Directory.CreateTempSubdirectory("ainative-certificates-").FullName;

    public void Dispose() => Directory.Delete(_certificates, recursive: true);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Keys_are_stored_encrypted_and_read_by_another_host_with_the_certificate_but_not_by_one_without()
    {
        using var database = new SharedTestDatabase();
        var certificate = CreateCertificate("current");
        await using var first = await ServicesHost.StartAsync(settings: With(database, ("Certificate", certificate)));
        var protectedSecret = first.Services.GetRequiredService<SecretProtector>().Protect("sk-live-0123456789");

        await using (var scope = first.WithoutTeam())
        await using (var db = await scope.DbAsync())
        {
            var stored = await db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync(Ct);
            Assert.NotEmpty(stored);
            Assert.All(stored, xml => Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal));
            Assert.All(stored, xml => Assert.Contains("<EncryptedData", xml, StringComparison.Ordinal));
        }

        await using var second = await ServicesHost.StartAsync(settings: With(database, ("Certificate", certificate)));
        Assert.Equal("sk-live-0123456789", second.Services.GetRequiredService<SecretProtector>().Unprotect(protectedSecret));

        await using var withoutCertificate = await ServicesHost.StartAsync(settings: database.Settings);
        Assert.Throws<ConflictException>(() => withoutCertificate.Services.GetRequiredService<SecretProtector>().Unprotect(protectedSecret));
    }

    [Fact]
    public async Task After_a_change_of_certificate_the_retired_one_still_reads_the_keys_it_encrypted()
    {
        using var database = new SharedTestDatabase();
        var retired = CreateCertificate("retired");
        await using var before = await ServicesHost.StartAsync(settings: With(database, ("Certificate", retired)));
        var protectedSecret = before.Services.GetRequiredService<SecretProtector>().Protect("sk-live-0123456789");

        await using var after = await ServicesHost.StartAsync(settings: With(database, ("Certificate", CreateCertificate("new")), ("RetiredCertificates:0", retired)));

        Assert.Equal("sk-live-0123456789", after.Services.GetRequiredService<SecretProtector>().Unprotect(protectedSecret));
    }

    [Fact]
    public async Task A_certificate_file_that_does_not_exist_fails_the_start_naming_the_setting()
    {
        var missing = Path.Combine(_certificates, "missing.pfx");

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => ServicesHost.StartAsync(settings: Certificate(missing, Password)));

        Assert.Contains("Portal:DataProtection:Certificate:Path", failure.Message, StringComparison.Ordinal);
        Assert.Contains(missing, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_certificate_that_cannot_be_opened_with_its_password_fails_the_start_naming_the_setting()
    {
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(
            () => ServicesHost.StartAsync(settings: Certificate(CreateCertificate("current"), "not the password")));

        Assert.Contains("Portal:DataProtection:Certificate:Password", failure.Message, StringComparison.Ordinal);
    }

    /// <summary>A self-signed certificate with its private key in a PKCS#12 file protected by <see cref="Password"/>.</summary>
    private string CreateCertificate(string name)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN=AiNative key ring {name}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(_certificates, $"{name}.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, Password));
        return path;
    }

    private static Dictionary<string, string?> Certificate(string path, string password) => new()
    {
        ["Portal:DataProtection:Certificate:Path"] = path,
        ["Portal:DataProtection:Certificate:Password"] = password,
    };

    private static Dictionary<string, string?> With(SharedTestDatabase database, params (string Setting, string Path)[] certificates)
    {
        var settings = new Dictionary<string, string?>(database.Settings);
        foreach (var (setting, path) in certificates)
        {
            settings[$"Portal:DataProtection:{setting}:Path"] = path;
            settings[$"Portal:DataProtection:{setting}:Password"] = Password;
        }

        return settings;
    }
}
