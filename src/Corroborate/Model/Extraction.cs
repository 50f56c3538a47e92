namespace Corroborate.Model;

/// <summary>TIMEX3 types.</summary>
public enum TimeType { Date, Time, Duration, Set }

/// <summary>
/// A temporal expression with its normalized TIMEX3 value ("2024-10-28", "2024-W43", "P3D",
/// "PAST_REF"), resolved against the publication date; <see cref="Mod"/> keeps TIMEX3 modifiers
/// such as START, MID, END, APPROX.
/// </summary>
public sealed record TimeExpression(TextSpan Span, TimeType Type, string Value, string? Mod = null);

/// <summary>How a figure is hedged, and so which bounds it implies.</summary>
public enum Hedge
{
    /// <summary>"8,000": the figure as stated.</summary>
    Exact,
    /// <summary>"about", "around", "some", "roughly", "an estimated".</summary>
    Approx,
    /// <summary>"over", "more than", "upwards of": the true value is above.</summary>
    Above,
    /// <summary>"nearly", "almost", "fewer than": the true value is below.</summary>
    Below,
    /// <summary>"at least", "no fewer than": the value or more.</summary>
    AtLeast,
    /// <summary>"up to", "as many as", "at most": the value or less.</summary>
    UpTo,
}

/// <summary>Who a figure or quotation is attributed to, as written ("ministry spokesperson Jane Doe").</summary>
public sealed record Attribution(TextSpan Span, string Text);

/// <summary>
/// A figure in the text: its value and the bounds its hedge implies, what it counts, where,
/// when, at what rate, and who gives it (null when it is the outlet's own statement).
/// <see cref="Implicit"/> marks a figure the text implies without writing it: one casualty
/// ("a man was killed"), or the injured left when the dead are taken from those shot.
/// <see cref="Presumed"/> marks an implied injured person whose fate the article does not state
/// ("a man was shot", "was taken to a hospital"): alive as far as this article says, so a death
/// reported by another article of the story outweighs it.
/// </summary>
public sealed record Quantity(
    TextSpan Span,
    decimal Value,
    decimal? Low,
    decimal? High,
    Hedge Hedge,
    string? Unit,
    string? Subject = null,
    string? Where = null,
    string? When = null,
    string? Rate = null,
    Attribution? Source = null,
    bool Vague = false,
    bool Implicit = false,
    bool Presumed = false);

/// <summary>Kinds of named entity.</summary>
public enum EntityKind { Person, Organization, Place, Group }

/// <summary>
/// A mention of a person, organisation, place or group. <see cref="Name"/> is the fullest name
/// the article gives for it ("Maria Lopez" for a later "Lopez"); <see cref="Role"/> the
/// title or role written with it.
/// </summary>
/// <param name="Honorific">The honorific written before a person's name ("Mr", "Dr."), outside the span.</param>
/// <param name="Title">The title written before a person's name when it says more than the role, as written ("CRM spokesman",
/// "Defence ministry spokesman Colonel"), outside the span.</param>
public sealed record EntityMention(TextSpan Span, EntityKind Kind, string Name, string? Role = null, string? Honorific = null, string? Title = null);

/// <summary>Direct ("…," she said), partial (called it "desperate"), or indirect (said that …).</summary>
public enum QuoteKind { Direct, Partial, Indirect }

/// <summary>A quotation or reported statement, its speaker when known, and the cue verb.</summary>
public sealed record Quote(TextSpan Span, QuoteKind Kind, Attribution? Speaker, string? Cue);
