using System.Numerics.Tensors;
using System.Runtime.InteropServices;

namespace AiNative.Services.Knowledge.Search;

/// <summary>Vectors as stored: L2-normalised float32, so a dot product is the cosine similarity.</summary>
public static class VectorMath
{
    public static float[] Normalized(ReadOnlySpan<float> vector)
    {
        var result = vector.ToArray();
        var norm = TensorPrimitives.Norm(result);
        if (norm > 0)
        {
            TensorPrimitives.Divide(result, norm, result);
        }

        return result;
    }

    public static byte[] ToBytes(ReadOnlySpan<float> vector) => MemoryMarshal.AsBytes(vector).ToArray();

    public static ReadOnlySpan<float> FromBytes(byte[] bytes) => MemoryMarshal.Cast<byte, float>(bytes);
}
