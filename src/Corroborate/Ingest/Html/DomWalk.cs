using AngleSharp.Dom;

namespace Corroborate.Ingest.Html;

/// <summary>
/// Iterative traversals of a DOM. Pages can nest elements thousands deep, so nothing here
/// recurses: a recursive walk would overflow the stack on hostile or broken markup.
/// </summary>
internal static class DomWalk
{
    /// <summary>The elements under <paramref name="root"/> (itself included) in document order.</summary>
    public static List<IElement> PreOrder(IElement root)
    {
        var order = new List<IElement>();
        var stack = new Stack<IElement>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var e = stack.Pop();
            order.Add(e);
            var children = e.Children;
            for (var i = children.Length - 1; i >= 0; i--)
                stack.Push(children[i]);
        }
        return order;
    }

    /// <summary>The ancestors of <paramref name="e"/>, nearest first, up to and excluding <paramref name="stop"/>.</summary>
    public static IEnumerable<IElement> Ancestors(IElement e, IElement? stop = null)
    {
        for (var p = e.ParentElement; p is not null && p != stop; p = p.ParentElement)
            yield return p;
    }

    /// <summary>Whether <paramref name="ancestor"/> contains <paramref name="e"/> (or is it).</summary>
    public static bool Contains(IElement ancestor, IElement e)
    {
        for (IElement? p = e; p is not null; p = p.ParentElement)
        {
            if (p == ancestor)
                return true;
        }
        return false;
    }
}
