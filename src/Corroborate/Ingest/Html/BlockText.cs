using System.Text;
using AngleSharp.Dom;

namespace Corroborate.Ingest.Html;

/// <summary>One block of article text: a paragraph, a heading or a list item.</summary>
internal readonly record struct TextBlock(string Text, bool IsHeading);

/// <summary>
/// Renders elements as blocks of text: white space collapsed, a line break for &lt;br&gt;,
/// one block per paragraph, heading, list item or table cell. Walks with an explicit stack.
/// </summary>
internal static class BlockText
{
    /// <summary>Blocks of <paramref name="roots"/>, skipping the descendants <paramref name="skip"/> rejects.</summary>
    public static List<TextBlock> Render(IEnumerable<IElement> roots, Func<IElement, bool>? skip = null)
    {
        var blocks = new List<TextBlock>();
        var line = new StringBuilder();
        var heading = false;
        // A null node marks the end of a block element: the block is flushed there.
        var stack = new Stack<INode?>();
        foreach (var root in roots)
        {
            Flush();
            stack.Push(root);
            while (stack.Count > 0)
            {
                var node = stack.Pop();
                if (node is null)
                {
                    Flush();
                    continue;
                }
                if (node is IText text)
                {
                    Append(text.Data);
                    continue;
                }
                if (node is not IElement e)
                    continue;
                if (e != root && skip is not null && skip(e))
                    continue;
                if (e.TagName == "BR")
                {
                    TrimEndSpace();
                    line.Append('\n');
                    continue;
                }
                if (MarkupSignals.Blocks.Contains(e.TagName) || e.TagName == "LI")
                {
                    Flush();
                    heading = MarkupSignals.Headings.Contains(e.TagName);
                    stack.Push(null);
                }
                var children = e.ChildNodes;
                for (var i = children.Length - 1; i >= 0; i--)
                    stack.Push(children[i]);
            }
            Flush();
        }
        return blocks;

        void Append(string data)
        {
            foreach (var c in data)
            {
                if (char.IsWhiteSpace(c))
                {
                    if (line.Length > 0 && line[^1] is not ' ' and not '\n')
                        line.Append(' ');
                }
                else
                {
                    line.Append(c);
                }
            }
        }

        void TrimEndSpace()
        {
            while (line.Length > 0 && line[^1] == ' ')
                line.Length--;
        }

        void Flush()
        {
            if (line.Length > 0)
            {
                var lines = line.ToString().Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                if (lines.Length > 0)
                    blocks.Add(new TextBlock(string.Join('\n', lines), heading));
            }
            line.Clear();
            heading = false;
        }
    }

    /// <summary>Blocks joined as paragraphs: a blank line between blocks.</summary>
    public static string Join(IEnumerable<TextBlock> blocks) => string.Join("\n\n", blocks.Select(b => b.Text));
}
