namespace Corroborate.Model;

/// <summary>Kinds of page furniture: text on the page that is not the article's prose.</summary>
public enum FurnitureKind
{
    Dateline,
    Byline,
    Outlet,
    Headline,
    Related,
    Share,
    Subscribe,
    SignOff,
    Caption,
    Credit,
    Copyright,
    Media,
    Contact,
    Navigation,
    /// <summary>The address of a page written as a line of the text (a pasted article's source).</summary>
    Link,
}

/// <summary>A span of page furniture, marked rather than deleted.</summary>
public sealed record Furniture(TextSpan Span, FurnitureKind Kind);

/// <summary>A paragraph: a block of lines between blank lines or hard line breaks.</summary>
public sealed record Paragraph(TextSpan Span, int Index);

/// <summary>A sentence, with the index of its paragraph.</summary>
public sealed record Sentence(TextSpan Span, int Paragraph);

public enum TokenKind
{
    Word,
    Number,
    Abbreviation,
    Punctuation,
    Symbol,
}

/// <summary>A token: a word, number, abbreviation or punctuation mark.</summary>
public readonly record struct Token(TextSpan Span, TokenKind Kind);
