using System.CommandLine;
using System.Globalization;
using Corroborate.Evaluation;
using Corroborate.Extraction.Times;

namespace Corroborate.Cli;

/// <summary><c>corroborate timeml PATH</c>: scores temporal extraction against TimeML (.tml) or MEANTIME (.jsonl) gold.</summary>
internal static class TimeMlCommand
{
    public static Command Build(TextWriter stdout, TextWriter stderr)
    {
        var path = new Argument<string>("path") { Description = "A folder of TimeML .tml files (searched recursively) or a MEANTIME .jsonl file." };
        var diffs = new Option<bool>("--diffs") { Description = "Also list every missed, spurious or wrongly valued expression." };
        var context = new Option<bool>("--context") { Description = "With --diffs, add the text around each expression." };
        var command = new Command("timeml", """
            Score temporal extraction against annotated TimeML: strict and relaxed F1, type accuracy, value accuracy and
            value F1 (value accuracy x relaxed F1, as TempEval-3). Each document is resolved against its creation time.
            Example: corroborate timeml ../shared/corpus/timeml/TBAQ-cleaned
            """)
        {
            path, diffs, context,
        };
        command.SetAction(parse => Run(parse.GetValue(path)!, parse.GetValue(diffs), parse.GetValue(context), stdout, stderr));
        return command;
    }

    private static int Run(string path, bool showDiffs, bool showContext, TextWriter stdout, TextWriter stderr)
    {
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            stderr.WriteLine($"error: {path} does not exist");
            return ExitCodes.Usage;
        }
        TimeExtractor extractor;
        try
        {
            extractor = new TimeExtractor(TimeLexicon.LoadEnglish());
        }
        catch (InvalidDataException e)
        {
            stderr.WriteLine($"error: {e.Message}");
            return ExitCodes.SomeFailed;
        }
        var diffs = showDiffs ? new List<TimeMlDiff>() : null;
        TimeMlScore score;
        try
        {
            score = TimeMlScorer.Score(extractor, TimeMlReader.ReadAll(path), diffs);
        }
        catch (Exception e) when (e is System.Xml.XmlException or System.Text.Json.JsonException or InvalidDataException or IOException)
        {
            stderr.WriteLine($"error: {e.Message}");
            return ExitCodes.SomeFailed;
        }
        foreach (var d in diffs ?? [])
            stdout.WriteLine($"{d.Document}\tgold: {d.GoldText} = {d.GoldValue ?? "-"}\tours: {d.PredictedText ?? "-"} = {d.PredictedValue ?? "-"}"
                             + (showContext ? $"\t{d.Context}" : ""));
        var i = CultureInfo.InvariantCulture;
        stdout.WriteLine(string.Create(i, $"documents {score.Documents}, gold {score.Gold}, predicted {score.Predicted}"));
        stdout.WriteLine(string.Create(i,
            $"matches  strict {score.StrictMatches}, relaxed {score.RelaxedMatches}, with the gold type {score.TypeMatches}, with the gold value {score.ValueMatches}"));
        stdout.WriteLine(string.Create(i, $"strict   P {score.StrictPrecision:F4}  R {score.StrictRecall:F4}  F1 {score.StrictF1:F4}"));
        stdout.WriteLine(string.Create(i, $"relaxed  P {score.RelaxedPrecision:F4}  R {score.RelaxedRecall:F4}  F1 {score.RelaxedF1:F4}"));
        stdout.WriteLine(string.Create(i, $"type     accuracy {score.TypeAccuracy:F4}  F1 {score.TypeF1:F4}"));
        stdout.WriteLine(string.Create(i, $"value    accuracy {score.ValueAccuracy:F4}  F1 {score.ValueF1:F4}"));
        return ExitCodes.Ok;
    }
}
