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
}
