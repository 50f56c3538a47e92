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
            PushChildren(stack, e);
        }
        return order;
    }

    /// <summary>
    /// Pushes the element children of <paramref name="e"/>, last first, so they pop in document order.
    /// Reads ChildNodes: AngleSharp's Children collection is filtered anew on every index.
    /// </summary>
    public static void PushChildren(Stack<IElement> stack, IElement e)
    {
        var nodes = e.ChildNodes;
        for (var i = nodes.Length - 1; i >= 0; i--)
        {
            if (nodes[i] is IElement child)
                stack.Push(child);
        }
    }

    /// <summary>The element children of <paramref name="e"/> in document order.</summary>
    public static IEnumerable<IElement> ChildElements(IElement e)
    {
        foreach (var n in e.ChildNodes)
        {
            if (n is IElement child)
                yield return child;
        }
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
