using System.Text;
using HeatPump.Control.States;
using Xunit;

namespace HeatPump.Control.Tests;

public class StateDiagramTests
{
    /// <summary>The Mermaid diagram of <see cref="TransitionTable"/>: one arrow per row, sub-states inside their state.</summary>
    internal static string Mermaid()
    {
        var sb = new StringBuilder();
        sb.Append("```mermaid\nstateDiagram-v2\n    [*] --> Off : power-up\n");
        for (int i = 0; i < TransitionTable.Count; i++)
        {
            var t = TransitionTable.At(i);
            if (t.IsTopLevel)
            {
                sb.Append($"    {t.From} --> {t.To} : {t.Trigger}\n");
            }
        }

        foreach (TopState state in Enum.GetValues<TopState>())
        {
            var rows = Enumerable.Range(0, TransitionTable.Count).Select(TransitionTable.At)
                .Where(t => !t.IsTopLevel && t.From == state).ToList();
            if (rows.Count == 0)
            {
                continue;
            }

            sb.Append($"    state {state} {{\n");
            foreach (var sub in rows.SelectMany(r => new[] { r.FromSub, r.ToSub }).Where(s => s != SubState.None).Distinct())
            {
                sb.Append($"        state \"{sub}\" as {state}_{sub}\n");
            }

            foreach (var r in rows)
            {
                string from = r.FromSub == SubState.None ? "[*]" : $"{state}_{r.FromSub}";
                sb.Append($"        {from} --> {state}_{r.ToSub} : {r.Trigger}\n");
            }

            sb.Append("    }\n");
        }

        sb.Append("```\n");
        return sb.ToString();
    }

    [Fact]
    public void Documented_diagram_matches_the_transition_table()
    {
        string generated = Mermaid();
        Assert.Equal(generated, DocsSync.Section("docs/state-machine.md", "state-diagram", generated));
    }

    [Fact]
    public void Each_row_sits_at_its_name_and_the_name_says_what_it_changes()
    {
        // States take a transition by naming its row (ControllerContext.Go): the name must say the
        // row's change, or a state could name one transition and take another.
        Assert.Equal(TransitionTable.Count, Enum.GetValues<Row>().Length);
        for (int i = 0; i < TransitionTable.Count; i++)
        {
            Transition t = TransitionTable.At(i);
            string expected = t.IsTopLevel
                ? $"{t.From}To{t.To}"
                : $"{t.From}{(t.FromSub == SubState.None ? "Entry" : t.FromSub.ToString())}To{t.ToSub}";
            Assert.Equal((Row)i, t.Row);
            Assert.Equal(expected, t.Row.ToString());
            Assert.Same(t, TransitionTable.At(t.Row));
        }
    }

    [Fact]
    public void The_states_ask_no_state_which_it_is()
    {
        // Per-state rules live in the states' hooks (ControllerState); only the transition rows
        // themselves name a state. A "c.State ==" in the state machine would bring the exemptions back.
        string dir = Path.Combine(DocsSync.RepoRoot(), "src", "HeatPump.Control", "States");
        var found = Directory.EnumerateFiles(dir, "*.cs")
            .SelectMany(f => File.ReadLines(f).Select((line, n) => (File: Path.GetFileName(f), Line: n + 1, Text: line)))
            .Where(l => System.Text.RegularExpressions.Regex.IsMatch(l.Text, @"\b_?c\.State\s*[=!]=|[=!]=\s*_?c\.State\b|switch\s*\(\s*_?c\.State\b"))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}")
            .ToList();
        Assert.True(found.Count == 0, "states that test which state they are in:\n" + string.Join("\n", found));
        Assert.True(Directory.EnumerateFiles(dir, "*.cs").Count() > 10, "the scan found the States folder");
    }

    [Fact]
    public void Table_has_no_duplicate_rows_and_every_state_is_reachable()
    {
        var rows = Enumerable.Range(0, TransitionTable.Count).Select(TransitionTable.At).ToList();
        Assert.Equal(rows.Count, rows.Select(r => (r.From, r.FromSub, r.To, r.ToSub)).Distinct().Count());
        foreach (TopState s in Enum.GetValues<TopState>().Where(s => s != TopState.Off))
        {
            Assert.Contains(rows, r => r.IsTopLevel && r.To == s);
        }

        foreach (SubState s in Enum.GetValues<SubState>().Where(s => s != SubState.None))
        {
            Assert.Contains(rows, r => !r.IsTopLevel && r.ToSub == s);
        }
    }

    [Fact]
    public void Every_top_level_state_can_reach_Fault_or_is_Fault()
    {
        var rows = Enumerable.Range(0, TransitionTable.Count).Select(TransitionTable.At).Where(r => r.IsTopLevel).ToList();
        foreach (TopState s in Enum.GetValues<TopState>().Where(s => s != TopState.Fault))
        {
            Assert.Contains(rows, r => r.From == s && r.To == TopState.Fault);
        }
    }

    /// <summary>The cells of the first table under <paramref name="heading"/> in docs/state-machine.md, header and rule left out.</summary>
    private static List<string[]> DocTable(string heading)
    {
        string[] lines = File.ReadAllLines(Path.Combine(DocsSync.RepoRoot(), "docs", "state-machine.md"));
        int at = Array.IndexOf(lines, heading);
        Assert.True(at >= 0, $"docs/state-machine.md has no heading '{heading}'");
        return lines.Skip(at + 1).SkipWhile(l => !l.StartsWith('|')).TakeWhile(l => l.StartsWith('|')).Skip(2)
            .Select(l => l.Trim('|').Split('|').Select(c => c.Trim()).ToArray()).ToList();
    }

    [Fact]
    public void States_table_has_a_row_per_state_with_the_sub_states_of_the_transition_table()
    {
        var rows = DocTable("## States");
        Assert.Equal(Enum.GetValues<TopState>().Select(s => $"**{s}**"), rows.Select(r => r[0]));
        foreach (string[] row in rows)
        {
            TopState state = Enum.Parse<TopState>(row[0].Trim('*'));
            var subs = Enumerable.Range(0, TransitionTable.Count).Select(TransitionTable.At)
                .Where(t => !t.IsTopLevel && t.From == state)
                .SelectMany(t => new[] { t.FromSub, t.ToSub }).Where(x => x != SubState.None).Distinct().Order()
                .Select(x => x.ToString()).ToList();
            Assert.Equal(subs.Count == 0 ? "—" : string.Join(", ", subs), row[1]);
        }
    }

    [Fact]
    public void Faults_table_has_a_row_per_fault_kind_with_its_panel_code()
    {
        var rows = DocTable("## Faults");
        var kinds = Enum.GetValues<FaultKind>().Where(k => k != FaultKind.None).ToList();
        Assert.Equal(kinds.Count, rows.Count);
        foreach (FaultKind kind in kinds)
        {
            Assert.Single(rows, r => r[0].EndsWith($"(E{(int)kind})", StringComparison.Ordinal));
        }
    }
}
