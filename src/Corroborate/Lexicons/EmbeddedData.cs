using System.Reflection;

namespace Corroborate.Lexicons;

/// <summary>
/// Reads the language data files embedded in the library (the files under <c>data/</c>), for
/// every lexicon. A missing file is an error naming it.
/// </summary>
internal static class EmbeddedData
{
    public static string Read(string name)
    {
        var resource = "data/" + name;
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
            ?? throw new InvalidDataException($"language data {resource} is missing from the build");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Non-empty lines that are not comments, with their line numbers.</summary>
    public static IEnumerable<(string Line, int Number)> Lines(string name)
    {
        var number = 0;
        foreach (var raw in Read(name).Split('\n'))
        {
            number++;
            var line = raw.TrimEnd('\r');
            if (line.Trim().Length == 0 || line.StartsWith('#'))
                continue;
            yield return (line, number);
        }
    }

    /// <summary>Tab-separated fields of each line; throws naming the file and line when a line has too few.</summary>
    public static IEnumerable<string[]> Fields(string name, int minimum)
    {
        foreach (var (line, number) in Lines(name))
        {
            var fields = line.Split('\t');
            if (fields.Length < minimum)
                throw new InvalidDataException($"data/{name} line {number}: expected at least {minimum} tab-separated fields");
            yield return fields;
        }
    }
}
