using System.Text;
using System.Text.RegularExpressions;

namespace Corroborate.Ingest.Html;

/// <summary>
/// The character encoding an HTML page declares for itself, found the way browsers pre-scan:
/// the bytes are read as ASCII, which every legacy encoding a page may declare agrees with.
/// Thread-safe: holds no state.
/// </summary>
public static partial class HtmlCharset
{
    /// <summary>How far into a page its declaration is looked for (browsers look at 1 KB; real pages put it later).</summary>
    public const int ScanBytes = 64 * 1024;

    /// <summary>The encoding the page declares; null when it declares none or one .NET does not know.</summary>
    public static Encoding? Declared(ReadOnlySpan<byte> bytes)
    {
        var head = Encoding.Latin1.GetString(bytes[..Math.Min(bytes.Length, ScanBytes)]);
        var label = MetaCharset().Match(head) is { Success: true } m ? m.Groups["label"].Value
            : XmlDeclaration().Match(head) is { Success: true } x ? x.Groups["label"].Value
            : null;
        return label is null ? null : ForLabel(label);
    }

    /// <summary>The encoding for a charset label, as the WHATWG Encoding standard maps labels; null if unknown.</summary>
    public static Encoding? ForLabel(string label)
    {
        var name = label.Trim().Trim('"', '\'').ToLowerInvariant();
        name = name switch
        {
            // Browsers read these labels as windows-1252, and pages that use them rely on it.
            "iso-8859-1" or "iso8859-1" or "latin1" or "l1" or "ascii" or "us-ascii" or "cp1252" or "x-cp1252" or "iso_8859-1" => "windows-1252",
            // A page cannot declare UTF-16 in itself: the declaration was read as ASCII, so the page is not UTF-16.
            "utf-16" or "utf-16le" or "utf-16be" or "unicode" => "utf-8",
            "x-sjis" or "shift-jis" or "ms_kanji" => "shift_jis",
            "gb2312" or "gbk" or "x-gbk" => "gb18030",
            "iso-8859-9" or "latin5" => "windows-1254",
            "tis-620" or "iso-8859-11" => "windows-874",
            "ks_c_5601-1987" or "euc-kr" => "ks_c_5601-1987",
            _ => name,
        };
        if (name is "utf-8" or "utf8" or "unicode-1-1-utf-8")
            return Encoding.UTF8;
        try
        {
            // The code-page provider is asked directly rather than registered: registering changes process-wide state.
            return CodePagesEncodingProvider.Instance.GetEncoding(name) ?? Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"<meta\s[^>]{0,500}?charset\s*=\s*[""']?\s*(?<label>[A-Za-z0-9_:.\-]{1,40})",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex MetaCharset();

    [GeneratedRegex(@"^\s*<\?xml\s[^>]{0,200}?encoding\s*=\s*[""'](?<label>[A-Za-z0-9_:.\-]{1,40})",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex XmlDeclaration();
}
