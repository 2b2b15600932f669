using System.Buffers;
using System.Text.Json;

namespace AiNative.Services.Datasets.Export;

/// <summary>
/// JSON Lines (an object per line) or JSON (an array of the same objects, one per line):
/// <c>{"id", "input": {…}, "expected_output", "expected_sources": […], "metadata": {…}}</c>, the parts an item
/// lacks left out.
/// </summary>
internal static class JsonExport
{
    private const int FlushBytes = 64 * 1024;

    public static async Task WriteAsync(IAsyncEnumerable<DatasetItem> items, Stream destination, bool asArray, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>();
        await using var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = ItemJson.Options.Encoder });
        var first = true;
        if (asArray)
        {
            buffer.Write("["u8);
        }

        await foreach (var item in items)
        {
            if (asArray)
            {
                buffer.Write(first ? "\n"u8 : ",\n"u8);
            }

            first = false;
            Write(writer, item);
            writer.Reset();
            if (!asArray)
            {
                buffer.Write("\n"u8);
            }

            if (buffer.WrittenCount >= FlushBytes)
            {
                await destination.WriteAsync(buffer.WrittenMemory, cancellationToken);
                buffer.ResetWrittenCount();
            }
        }

        if (asArray)
        {
            buffer.Write("\n]\n"u8);
        }

        await destination.WriteAsync(buffer.WrittenMemory, cancellationToken);
        await destination.FlushAsync(cancellationToken);
    }

    private static void Write(Utf8JsonWriter writer, DatasetItem item)
    {
        writer.WriteStartObject();
        writer.WriteString(ExportColumns.Id, item.ItemId);
        writer.WritePropertyName(ExportColumns.Input);
        writer.WriteRawValue(item.Input, skipInputValidation: true);
        if (item.ExpectedOutput is not null)
        {
            writer.WriteString(ExportColumns.ExpectedOutput, item.ExpectedOutput);
        }

        if (item.ExpectedSources.Count > 0)
        {
            writer.WriteStartArray(ExportColumns.ExpectedSources);
            foreach (var source in item.ExpectedSources)
            {
                writer.WriteStringValue(source);
            }

            writer.WriteEndArray();
        }

        if (item.Metadata != "{}")
        {
            writer.WritePropertyName(ExportColumns.Metadata);
            writer.WriteRawValue(item.Metadata, skipInputValidation: true);
        }

        writer.WriteEndObject();
        writer.Flush();
    }
}
