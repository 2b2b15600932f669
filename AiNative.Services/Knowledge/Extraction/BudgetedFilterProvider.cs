using UglyToad.PdfPig.Filters;
using UglyToad.PdfPig.Tokens;

namespace AiNative.Services.Knowledge.Extraction;

/// <summary>PdfPig's own stream filters, each charging what it decodes to a <see cref="PdfReadBudget"/>.</summary>
internal sealed class BudgetedFilterProvider(PdfReadBudget budget) : BaseFilterProvider(Filters(budget))
{
    private static Dictionary<string, IFilter> Filters(PdfReadBudget budget)
    {
        var ascii85 = new BudgetedFilter(new Ascii85Filter(), budget);
        var asciiHex = new BudgetedFilter(new AsciiHexDecodeFilter(), budget);
        var ccitt = new BudgetedFilter(new CcittFaxDecodeFilter(), budget);
        var dct = new BudgetedFilter(new DctDecodeFilter(), budget);
        var flate = new BudgetedFilter(new FlateFilter(), budget);
        var jbig2 = new BudgetedFilter(new Jbig2DecodeFilter(), budget);
        var jpx = new BudgetedFilter(new JpxDecodeFilter(), budget);
        var runLength = new BudgetedFilter(new RunLengthFilter(), budget);
        var lzw = new BudgetedFilter(new LzwFilter(), budget);
        return new Dictionary<string, IFilter>
        {
            [NameToken.Ascii85Decode.Data] = ascii85,
            [NameToken.Ascii85DecodeAbbreviation.Data] = ascii85,
            [NameToken.AsciiHexDecode.Data] = asciiHex,
            [NameToken.AsciiHexDecodeAbbreviation.Data] = asciiHex,
            [NameToken.CcittfaxDecode.Data] = ccitt,
            [NameToken.CcittfaxDecodeAbbreviation.Data] = ccitt,
            [NameToken.DctDecode.Data] = dct,
            [NameToken.DctDecodeAbbreviation.Data] = dct,
            [NameToken.FlateDecode.Data] = flate,
            [NameToken.FlateDecodeAbbreviation.Data] = flate,
            [NameToken.Jbig2Decode.Data] = jbig2,
            [NameToken.JpxDecode.Data] = jpx,
            [NameToken.RunLengthDecode.Data] = runLength,
            [NameToken.RunLengthDecodeAbbreviation.Data] = runLength,
            [NameToken.LzwDecode.Data] = lzw,
            [NameToken.LzwDecodeAbbreviation.Data] = lzw,
        };
    }
}
