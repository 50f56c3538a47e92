using System.Diagnostics;
using Corroborate.Cli;
using Xunit;
using Xunit.Abstractions;
using static Corroborate.Tests.Store.StoreFixtures;

namespace Corroborate.Tests.Store;

/// <summary>Issue #7: an ingest killed in the middle and run again gives the store an uninterrupted run gives.</summary>
public sealed class StoreCrashTests(ITestOutputHelper output)
{
    private const int Count = 4000;

    [Fact]
    public void An_ingest_killed_midway_and_run_again_equals_an_uninterrupted_one()
    {
        using var dir = new TempDir();
        // One article in five is clustered, so the resumed run must rebuild the clusterer to agree.
        var input = dir.File("in/large.jsonl", Articles(Count, unkeyedEvery: 5));
        var clock = Stopwatch.StartNew();

        var whole = Path.Combine(dir.Path, "whole.db");
        var (code, _, stderr) = Run("ingest", input, "--db", whole);
        Assert.True(code == ExitCodes.Ok, stderr);
        var expected = Dump(whole);
        Assert.Equal(Count, expected.Count);
        output.WriteLine($"uninterrupted: {clock.Elapsed.TotalSeconds:F1} s");

        // Small batches: many commits, so the kill lands between and inside them.
        var killed = Path.Combine(dir.Path, "killed.db");
        var committedAtKill = KillMidway(input, killed, batch: 50, killAt: Count / 4);
        var afterKill = Committed(killed);
        output.WriteLine($"killed with {committedAtKill} committed ({afterKill} after recovery): {clock.Elapsed.TotalSeconds:F1} s");
        Assert.InRange(afterKill, committedAtKill, Count - 1);
        Assert.Equal(0, afterKill % 50); // only whole batches survive

        var (again, stdout, err) = Run("ingest", input, "--db", killed);
        Assert.True(again == ExitCodes.Ok, err);
        Assert.Contains($"{Count - afterKill:N0} added, 0 updated, {afterKill:N0} unchanged", stdout);
        Assert.Empty(Duplicates(killed));
        Assert.Equal(expected, Dump(killed));
        output.WriteLine($"resumed and compared: {clock.Elapsed.TotalSeconds:F1} s");
    }

    /// <summary>Starts the real command as a child process and kills it (SIGKILL) once <paramref name="killAt"/> rows are committed.</summary>
    private static long KillMidway(string input, string db, int batch, int killAt)
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "Corroborate.Cli.dll");
        Assert.True(File.Exists(cli), $"{cli} not found: the test project must reference the CLI project");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { cli, "ingest", input, "--db", db, "--batch", batch.ToString(System.Globalization.CultureInfo.InvariantCulture), "--threads", "2" })
            start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        // Drain the pipes so the child never blocks on a full one.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var deadline = Stopwatch.StartNew();
        long committed;
        while ((committed = Committed(db)) < killAt)
        {
            Assert.False(process.HasExited, $"the ingest ended (exit {(process.HasExited ? process.ExitCode : 0)}) with {committed} rows before it could be killed at {killAt}; the input is too small for this machine");
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(60), $"only {committed} rows committed after 60 s");
            Thread.Sleep(5);
        }
        Assert.False(process.HasExited, $"the ingest ended before it could be killed ({committed} rows); make the input larger");
        process.Kill(entireProcessTree: true); // SIGKILL on Linux: no cleanup runs
        process.WaitForExit();
        Assert.True(committed < Count, $"all {Count} rows were committed before the kill; make the input larger");
        return committed;
    }
}
