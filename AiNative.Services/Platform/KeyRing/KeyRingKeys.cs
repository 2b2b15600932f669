namespace AiNative.Services.Platform.KeyRing;

/// <summary>The configured key that encrypts new key ring keys, and the retired ones that still read what they encrypted.</summary>
public sealed class KeyRingKeys
{
    public const string KeySetting = $"{KeyRingOptions.Section}:Key";
    public const string RetiredSetting = $"{KeyRingOptions.Section}:RetiredKeys";

    private KeyRingKeys(KeyRingKey? current, IReadOnlyList<KeyRingKey> retired)
    {
        Current = current;
        All = current is null ? retired : [current, .. retired];
    }

    public KeyRingKey? Current { get; }

    public IReadOnlyList<KeyRingKey> All { get; }

    /// <summary>The keys of <paramref name="options"/>; a malformed one stops the start naming its setting.</summary>
    public static KeyRingKeys From(KeyRingOptions options) => new(
        string.IsNullOrWhiteSpace(options.Key) ? null : KeyRingKey.Parse(options.Key, KeySetting),
        [.. options.RetiredKeys.Select((key, index) => KeyRingKey.Parse(key, $"{RetiredSetting}:{index}"))]);

    public KeyRingKey? Find(string fingerprint) => All.FirstOrDefault(k => k.Fingerprint == fingerprint);

    /// <summary>The configured keys' fingerprints, for messages that say which key is missing.</summary>
    public string Describe() => All.Count == 0
        ? $"no key is set ({KeySetting} is empty)"
        : $"the configured keys are {string.Join(", ", All.Select(k => k.Fingerprint))}";
}
