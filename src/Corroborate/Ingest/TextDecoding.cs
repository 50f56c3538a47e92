using System.Text;

namespace Corroborate.Ingest;

/// <summary>
/// Turns untrusted bytes into text: UTF-8 with or without BOM, UTF-16 with BOM. Anything else
/// (binary data, invalid UTF-8) is refused with a reason rather than decoded with replacement
/// characters, so that offsets always index what the file really says.
/// </summary>
public static class TextDecoding
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly UnicodeEncoding StrictUtf16Le = new(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true);
    private static readonly UnicodeEncoding StrictUtf16Be = new(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true);

    /// <summary>The UTF-8 byte order mark.</summary>
    public static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>
    /// Decodes an HTML page: a byte order mark wins, then a charset the page declares in its first
    /// 64 KB (&lt;meta charset&gt;, http-equiv Content-Type, an XML declaration); an undeclared or
    /// UTF-8 page is read as strict UTF-8 like any text file. Labels map as browsers map them
    /// (latin1 and ascii mean windows-1252).
    /// </summary>
    public static string? TryDecodeHtml(ReadOnlySpan<byte> bytes, out string? error)
    {
        if (bytes.StartsWith(Utf8Bom) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
            return TryDecode(bytes, out error);
        var declared = Html.HtmlCharset.Declared(bytes);
        if (declared is null || declared.CodePage == Encoding.UTF8.CodePage)
        {
            var text = TryDecode(bytes, out error);
            if (text is null && declared is null && error is not null && error.StartsWith("not valid UTF-8", StringComparison.Ordinal))
                error = error.Replace("; convert the file", "and the page declares no charset; declare one (<meta charset>) or convert the file", StringComparison.Ordinal);
            return text;
        }
        error = null;
        if (bytes.IndexOf((byte)0) is var nul and >= 0 && declared.IsSingleByte)
        {
            error = $"binary data (a NUL byte at offset {nul}) in a page declared as {declared.WebName}";
            return null;
        }
        // Legacy code pages map every byte (or report replacement); what the page declares is what it says.
        return declared.GetString(bytes);
    }

    /// <summary>Decodes <paramref name="bytes"/>; on failure returns null and says why.</summary>
    public static string? TryDecode(ReadOnlySpan<byte> bytes, out string? error)
    {
        error = null;
        Encoding encoding = StrictUtf8;
        if (bytes.StartsWith(Utf8Bom))
            bytes = bytes[3..];
        else if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            encoding = StrictUtf16Le;
            bytes = bytes[2..];
        }
        else if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            encoding = StrictUtf16Be;
            bytes = bytes[2..];
        }
        else if (bytes.IndexOf((byte)0) >= 0)
        {
            var at = bytes.IndexOf((byte)0);
            error = $"binary data (a NUL byte at offset {at}); expected UTF-8 or UTF-16 text with a byte order mark";
            return null;
        }

        try
        {
            var text = encoding.GetString(bytes);
            if (encoding != StrictUtf8 && text.Contains('\0'))
            {
                error = "binary data (NUL characters in UTF-16 text)";
                return null;
            }
            return text;
        }
        catch (DecoderFallbackException e)
        {
            var offset = e.Index >= 0 ? $" near byte {e.Index}" : "";
            error = encoding == StrictUtf8
                ? $"not valid UTF-8{offset}; convert the file to UTF-8 (or UTF-16 with a byte order mark)"
                : $"not valid UTF-16{offset}";
            return null;
        }
    }
}
