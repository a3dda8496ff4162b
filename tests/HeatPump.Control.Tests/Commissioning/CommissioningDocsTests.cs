using HeatPump.Control;
using HeatPump.Control.Commissioning;
using HeatPump.Control.FrontPanel;
using Xunit;

namespace HeatPump.Control.Tests;

/// <summary>docs/commissioning.md lists every finding with its panel code and log name, and every reason a mode goes untested.</summary>
public class CommissioningDocsTests
{
    private static readonly string Doc = File.ReadAllText(Path.Combine(DocsSync.RepoRoot(), "docs", "commissioning.md"));

    [Fact]
    public void Every_finding_has_a_row_with_its_panel_code_and_log_name()
    {
        for (int i = 1; i <= CommissioningCodes.LastFinding; i++)
        {
            var f = (CommissioningFinding)i;
            string code = DisplayCodes.Finding(f);
            string row = Doc.Split('\n').SingleOrDefault(l => l.StartsWith("| `" + code + "` |", StringComparison.Ordinal))
                ?? throw new Xunit.Sdk.XunitException($"no row for `{code}` in docs/commissioning.md");
            Assert.Contains("`" + CommissioningCodes.Name(f) + "`", row);
        }

        Assert.Equal(CommissioningCodes.LastFinding + 1, Enum.GetValues<CommissioningFinding>().Length);
    }

    [Fact]
    public void The_step_codes_and_pass_are_documented_and_the_drain_codes_agree_with_the_panel()
    {
        foreach (CommissioningStep s in new[] { CommissioningStep.PrepareCooling, CommissioningStep.Cooling, CommissioningStep.PrepareHeating, CommissioningStep.Heating })
        {
            Assert.Contains("**" + DisplayCodes.CommissioningStep(s) + "**", Doc);
        }

        Assert.Contains("`" + DisplayCodes.CommissioningPassed + "`", Doc);
        Assert.Contains("`" + DisplayCodes.Fault(FaultKind.DrainOverflow) + "`", Doc);
        Assert.Contains("`" + DisplayCodes.Hold(HoldReason.DrainOpen) + "`", Doc);
        Assert.Contains("`" + DisplayCodes.Hold(HoldReason.DrainLockout) + "`", Doc);
    }

    [Fact]
    public void The_log_line_names_every_untested_reason_the_doc_names()
    {
        string row = File.ReadAllText(Path.Combine(DocsSync.RepoRoot(), "docs", "serial-log.md")).Split('\n')
            .Single(l => l.StartsWith("| `COMM` |", StringComparison.Ordinal));
        foreach (UntestedReason r in Enum.GetValues<UntestedReason>().Where(r => r != UntestedReason.None))
        {
            Assert.Contains(r.ToString(), row);
        }
    }
}
