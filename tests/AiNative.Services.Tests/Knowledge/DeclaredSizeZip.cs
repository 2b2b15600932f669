using System.Text;

namespace AiNative.Services.Tests.Knowledge;

/// <summary>
/// A tiny ZIP whose central directory declares, through ZIP64 fields, unpacked sizes no real file
/// has: the kind of crafted package that makes a naive sum of entry sizes overflow.
/// </summary>
internal static class DeclaredSizeZip
{
    private const uint Saturated = 0xFFFFFFFF;

    public static byte[] Create(params long[] declaredSizes)
    {
        using var stream = new MemoryStream();
        using var writer = new BinaryWriter(stream);
        var offsets = new List<uint>();
        var names = declaredSizes.Select((_, i) => Encoding.ASCII.GetBytes($"word/part{i}.xml")).ToList();
        foreach (var name in names)
        {
            offsets.Add((uint)stream.Position);
            writer.Write(0x04034B50u); // local file header, stored and empty: only the central directory is read before refusal
            writer.Write((ushort)45);
            writer.Write((ushort)0);
            writer.Write((ushort)0);
            writer.Write(0u);
            writer.Write(0u);
            writer.Write(0u);
            writer.Write(0u);
            writer.Write((ushort)name.Length);
            writer.Write((ushort)0);
            writer.Write(name);
        }

        var directoryStart = (uint)stream.Position;
        for (var i = 0; i < names.Count; i++)
        {
            writer.Write(0x02014B50u);
            writer.Write((ushort)45);
            writer.Write((ushort)45);
            writer.Write((ushort)0);
            writer.Write((ushort)0);
            writer.Write(0u);
            writer.Write(0u);
            writer.Write(0u); // compressed size
            writer.Write(Saturated); // unpacked size: in the ZIP64 field below
            writer.Write((ushort)names[i].Length);
            writer.Write((ushort)12);
            writer.Write((ushort)0);
            writer.Write((ushort)0);
            writer.Write((ushort)0);
            writer.Write(0u);
            writer.Write(offsets[i]);
            writer.Write(names[i]);
            writer.Write((ushort)0x0001);
            writer.Write((ushort)8);
            writer.Write(declaredSizes[i]);
        }

        var directorySize = (uint)stream.Position - directoryStart;
        writer.Write(0x06054B50u);
        writer.Write((ushort)0);
        writer.Write((ushort)0);
        writer.Write((ushort)names.Count);
        writer.Write((ushort)names.Count);
        writer.Write(directorySize);
        writer.Write(directoryStart);
        writer.Write((ushort)0);
        writer.Flush();
        return stream.ToArray();
    }
}
