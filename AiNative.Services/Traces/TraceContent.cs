using System.Globalization;

namespace AiNative.Services.Traces;

/// <summary>The one place that decides how much content a trace keeps (see <see cref="TracePrivacy"/>).</summary>
public static class TraceContent
{
    public const string InputLength = "ainative.input.length";

    public const string OutputLength = "ainative.output.length";

    /// <summary>
    /// The content itself under <see cref="TracePrivacy.Full"/>; otherwise null, with its length in
    /// <paramref name="attributes"/> under <see cref="TracePrivacy.MetadataOnly"/>.
    /// </summary>
    public static string? Keep(TracePrivacy privacy, string? content, IDictionary<string, string> attributes, string lengthKey)
    {
        if (privacy == TracePrivacy.Full || content is null)
        {
            return content;
        }

        if (privacy == TracePrivacy.MetadataOnly)
        {
            attributes[lengthKey] = content.Length.ToString(CultureInfo.InvariantCulture);
        }

        return null;
    }
}
