using System.Collections.Immutable;
using System.Text.Json;
using Corroborate.Model;

namespace Corroborate.Ingest;

/// <summary>
/// The metadata fields of the input form (a JSON Lines record or a NAME.meta.json sidecar),
/// read from a JSON object. Unknown fields are kept. Immutable; thread-safe.
/// </summary>
internal sealed record RecordMetadata(
    string? Id, string? Text, string? Html, string? Title, string? Outlet, string? Url, string? Story,
    Published? Published, ImmutableDictionary<string, JsonElement> Extra, ImmutableArray<string> Problems)
{
    private static readonly HashSet<string> Known = ["id", "text", "html", "published", "outlet", "url", "title", "story"];

    public static RecordMetadata From(JsonElement root)
    {
        string? Str(string name, List<string> problems)
        {
            if (!root.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
                return null;
            if (v.ValueKind == JsonValueKind.String)
                return v.GetString();
            if (v.ValueKind == JsonValueKind.Number && name is "id" or "story")
                return v.GetRawText();
            problems.Add($"field \"{name}\" should be a string, not {v.ValueKind.ToString().ToLowerInvariant()}");
            return null;
        }

        var problems = new List<string>();
        var published = Str("published", problems);
        Published? parsed = null;
        if (published is not null)
        {
            parsed = DateParsing.TryParse(published, PublishedFrom.Metadata);
            if (parsed is null)
                problems.Add($"\"published\" is not a date: \"{Truncate(published)}\"");
        }

        var extra = ImmutableDictionary.CreateBuilder<string, JsonElement>(StringComparer.Ordinal);
        foreach (var p in root.EnumerateObject())
        {
            if (!Known.Contains(p.Name))
                extra[p.Name] = p.Value.Clone();
        }

        return new RecordMetadata(
            Blank(Str("id", problems)), Str("text", problems), Str("html", problems), Blank(Str("title", problems)),
            OutletName(Blank(Str("outlet", problems))), Blank(Str("url", problems)), Blank(Str("story", problems)),
            parsed, extra.ToImmutable(), [.. problems]);
    }

    /// <summary>
    /// An outlet given as a web host names it without the port and the "www." of the address:
    /// "www.huffingtonpost.com:80" and "huffingtonpost.com" are one outlet. Other names are kept as written.
    /// </summary>
    internal static string? OutletName(string? outlet)
    {
        if (outlet is null || outlet.Contains(' ') || !outlet.Contains('.'))
            return outlet;
        var host = outlet;
        var colon = host.LastIndexOf(':');
        if (colon > 0 && colon < host.Length - 1 && host.AsSpan(colon + 1).IndexOfAnyExceptInRange('0', '9') < 0)
            host = host[..colon];
        if (host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) && host.IndexOf('.', 4) > 0)
            host = host[4..];
        return host;
    }

    /// <summary>Applies the metadata on top of what the article itself said; the record wins.</summary>
    public NewsDocument ApplyTo(NewsDocument document, string source) => document with
    {
        Title = Title ?? document.Title,
        Outlet = Outlet ?? document.Outlet,
        Url = Url ?? document.Url,
        Story = Story ?? document.Story,
        Published = Published ?? document.Published,
        Extra = Extra.Count == 0 ? document.Extra : document.Extra.SetItems(Extra),
        Errors = document.Errors.AddRange(Problems.Select(p => new DocumentError(source, null, p))),
    };

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    internal static string Truncate(string s) => s.Length <= 40 ? s : s[..40] + "…";
}
