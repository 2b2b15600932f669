using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Xml.Linq;
using AiNative.Services.Platform.Errors;
using AiNative.Services.Platform.KeyRing;
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

    [Fact]
    public async Task With_a_key_from_configuration_the_stored_keys_hold_no_key_material_and_the_same_key_reads_the_secrets_after_a_restart()
    {
        using var database = new SharedTestDatabase();
        var key = NewKey();
        string protectedSecret;
        await using (var first = await ServicesHost.StartAsync(settings: WithKey(database, key)))
        {
            protectedSecret = first.Services.GetRequiredService<SecretProtector>().Protect("sk-live-0123456789");
            await using var scope = first.WithoutTeam();
            await using var db = await scope.DbAsync();
            var stored = await db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync(Ct);
            var decryptor = new KeyRingXmlDecryptor(first.Services);
            var masterKeys = stored
                .SelectMany(xml => XElement.Parse(xml).Descendants(XName.Get("encryptedKey", "urn:ainative:key-ring")))
                .Select(encrypted => decryptor.Decrypt(encrypted).Descendants("value").Single().Value)
                .ToList();

            Assert.NotEmpty(stored);
            Assert.Equal(stored.Count, masterKeys.Count);
            Assert.All(stored, xml => Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal));
            Assert.All(stored, xml => Assert.DoesNotContain(key, xml, StringComparison.Ordinal));
            Assert.All(masterKeys, value => Assert.All(stored, xml => Assert.DoesNotContain(value, xml, StringComparison.Ordinal)));
        }

        await using var restarted = await ServicesHost.StartAsync(settings: WithKey(database, key));

        Assert.Equal("sk-live-0123456789", restarted.Services.GetRequiredService<SecretProtector>().Unprotect(protectedSecret));
    }

    [Fact]
    public async Task A_restart_with_another_key_or_none_fails_the_start_saying_which_key_the_key_ring_needs()
    {
        using var database = new SharedTestDatabase();
        var key = NewKey();
        string fingerprint;
        await using (var first = await ServicesHost.StartAsync(settings: WithKey(database, key)))
        {
            first.Services.GetRequiredService<SecretProtector>().Protect("sk-live-0123456789");
            fingerprint = first.Services.GetRequiredService<KeyRingKeys>().Current!.Fingerprint;
        }

        var wrong = await Assert.ThrowsAsync<InvalidOperationException>(() => ServicesHost.StartAsync(settings: WithKey(database, NewKey())));
        var none = await Assert.ThrowsAsync<InvalidOperationException>(() => ServicesHost.StartAsync(settings: database.Settings));

        Assert.Contains($"encrypted with the configured key {fingerprint}, but the configured keys are ", wrong.Message, StringComparison.Ordinal);
        Assert.Contains("Set Portal:DataProtection:Key to the key it was written with", wrong.Message, StringComparison.Ordinal);
        Assert.Contains("The portal did not start.", wrong.Message, StringComparison.Ordinal);
        Assert.Contains("but no key is set (Portal:DataProtection:Key is empty)", none.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_a_change_of_key_the_retired_one_still_reads_the_keys_it_encrypted()
    {
        using var database = new SharedTestDatabase();
        var retired = NewKey();
        string protectedSecret;
        await using (var before = await ServicesHost.StartAsync(settings: WithKey(database, retired)))
        {
            protectedSecret = before.Services.GetRequiredService<SecretProtector>().Protect("sk-live-0123456789");
        }

        var settings = WithKey(database, NewKey());
        settings["Portal:DataProtection:RetiredKeys:0"] = retired;
        await using var after = await ServicesHost.StartAsync(settings: settings);

        Assert.Equal("sk-live-0123456789", after.Services.GetRequiredService<SecretProtector>().Unprotect(protectedSecret));
    }

    [Theory]
    [InlineData("not base64 at all!", "is not base64")]
    [InlineData("c2hvcnQ=", "decodes to 5 bytes")]
    public async Task A_malformed_key_fails_the_start_naming_the_setting_but_not_the_value(string value, string problem)
    {
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(
            () => ServicesHost.StartAsync(settings: new Dictionary<string, string?> { ["Portal:DataProtection:Key"] = value }));

        Assert.StartsWith("Portal:DataProtection:Key must be 32 random bytes written in base64", failure.Message, StringComparison.Ordinal);
        Assert.Contains($"the value set {problem}.", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(value, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_and_a_certificate_together_fail_the_start()
    {
        var settings = Certificate(CreateCertificate("current"), Password);
        settings["Portal:DataProtection:Key"] = NewKey();

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => ServicesHost.StartAsync(settings: settings));

        Assert.Contains("Set either Portal:DataProtection:Certificate or Portal:DataProtection:Key, not both", failure.Message, StringComparison.Ordinal);
    }

    private static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(KeyRingKey.Bytes));

    private static Dictionary<string, string?> WithKey(SharedTestDatabase database, string key) =>
        new(database.Settings) { ["Portal:DataProtection:Key"] = key };

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
