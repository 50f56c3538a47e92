// Each stage of the standard pipeline alone, single-threaded, warm: best of 5 passes over a JSON Lines corpus
// (gva-dev by default). Quick Stopwatch figures; BenchmarkDotNet's StageBenchmarks gives the full statistics.
// Run: dotnet build src/Corroborate.Cli -c Release && dotnet fsi bench/stages.fsx [FILE.jsonl]
#r "../src/Corroborate.Cli/bin/Release/net10.0/Corroborate.dll"
#r "../src/Corroborate.Cli/bin/Release/net10.0/AngleSharp.dll"
open Corroborate
let data = Lexicons.LanguageData.LoadEnglish()
let pipe = Text.StandardPipeline.Build(data)
let docs = Ingest.ArticleReader().Read([| (match fsi.CommandLineArgs with [| _; p |] -> p | _ -> System.IO.Path.Combine(__SOURCE_DIRECTORY__, "..", "..", "shared", "corpus", "gva-dev", "articles.jsonl")) |], null) |> Seq.choose (fun i -> Option.ofObj i.Document) |> Seq.toArray
let n = pipe.Stages.Length
// inputs for each stage: run the stages before it once
let inputs = Array.init n (fun _ -> Array.zeroCreate<Pipeline.AnalyzedDocument> docs.Length)
docs |> Array.iteri (fun j d ->
    let mutable a = Pipeline.AnalyzedDocument(d)
    for i in 0..n-1 do
        inputs.[i].[j] <- a
        a <- pipe.Stages.[i].Apply(a))
let chars = docs |> Array.sumBy (fun d -> float d.Text.Length)
for i in 0..n-1 do
    let stage = pipe.Stages.[i]
    let mutable best = System.Double.MaxValue
    for r in 0..4 do
        let sw = System.Diagnostics.Stopwatch.StartNew()
        for a in inputs.[i] do stage.Apply(a) |> ignore
        best <- min best sw.Elapsed.TotalSeconds
    printfn "%s best %.3f s  %.1f MB/s" stage.Name best (chars / 1e6 / best)
