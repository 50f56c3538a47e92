using System.Collections.Immutable;
using System.Text.Json;

namespace Corroborate.Model;

/// <summary>
/// One article as read: its original text, which every span of every later layer indexes,
/// and its metadata. Nothing rewrites <see cref="Text"/>. Immutable; thread-safe.
/// </summary>
public sealed record NewsDocument
{
    public NewsDocument(string id, string source, string text)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(text);
        Id = id;
        Source = source;
        Text = text;
    }

    /// <summary>Stable id: the file stem, or the record's id.</summary>
    public string Id { get; }
    /// <summary>Path or URL the article came from (with the record or item for multi-record files).</summary>
    public string Source { get; }
    /// <summary>The article text exactly as read; the target of every span.</summary>
    public string Text { get; }

    public string? Title { get; init; }
    public string? Outlet { get; init; }
    public string? Url { get; init; }
    public Published? Published { get; init; }
    /// <summary>A story key given by the input; such articles skip clustering.</summary>
    public string? Story { get; init; }
    /// <summary>Fields of the input record that the model does not know, kept as given.</summary>
    public ImmutableDictionary<string, JsonElement> Extra { get; init; } = ImmutableDictionary<string, JsonElement>.Empty;
    /// <summary>Problems met while reading this article that did not stop it being read.</summary>
    public ImmutableArray<DocumentError> Errors { get; init; } = [];
}
