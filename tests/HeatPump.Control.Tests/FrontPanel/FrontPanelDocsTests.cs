using HeatPump.Control.FrontPanel;
using HeatPump.Control.Hal;
using HeatPump.Control.Service;
using HeatPump.Control.Settings;
using Xunit;

namespace HeatPump.Control.Tests;

/// <summary>docs/front-panel.md must list every code the panel can show, as `code`.</summary>
public class FrontPanelDocsTests
{
    private static readonly string Doc = File.ReadAllText(FindDoc());

    private static string FindDoc()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            string path = Path.Combine(dir.FullName, "docs", "front-panel.md");
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw new FileNotFoundException("docs/front-panel.md not found above " + AppContext.BaseDirectory);
    }

    private static void Documented(string code) =>
        Assert.True(Doc.Contains("`" + code + "`"), $"`{code}` is not in docs/front-panel.md");

    [Fact]
    public void Every_menu_item_code_its_setting_and_its_value_names_are_documented()
    {
        for (int i = 0; i < PanelMenu.Count; i++)
        {
            MenuItem item = PanelMenu.At(i);
            Documented(item.Code);
            if (item.Action == MenuAction.None)
            {
                string row = Doc.Split('\n').Single(l => l.StartsWith("| `" + item.Code + "` |"));
                Assert.Contains("`" + SettingsCatalog.Get(item.Setting).Key + "`", row);
                foreach (string name in item.ValueNames ?? Array.Empty<string>())
                {
                    Assert.Contains("`" + name + "`", row);
                }
            }
        }

        Documented(PanelMenu.No);
        Documented(PanelMenu.Yes);
    }

    [Fact]
    public void Every_hold_reason_has_a_documented_code()
    {
        foreach (HoldReason r in Enum.GetValues<HoldReason>())
        {
            string row = Doc.Split('\n').Single(l => l.StartsWith("| " + r + " "));
            Assert.Contains("`" + DisplayCodes.Hold(r) + "`", row);
        }
    }

    [Fact]
    public void Every_fault_kind_has_documented_fault_and_lockout_codes()
    {
        foreach (FaultKind k in Enum.GetValues<FaultKind>())
        {
            Documented(DisplayCodes.Fault(k));
            Documented(DisplayCodes.Lockout(k));
        }
    }

    [Fact]
    public void Every_mode_notice_output_test_step_and_warning_code_is_documented()
    {
        foreach (UserMode m in Enum.GetValues<UserMode>())
        {
            Documented(DisplayCodes.Mode(m));
        }

        foreach (PanelNotice n in Enum.GetValues<PanelNotice>().Where(n => n != PanelNotice.None))
        {
            Documented(DisplayCodes.Notice(n));
        }

        foreach (OutputTestStep o in Enum.GetValues<OutputTestStep>())
        {
            Documented(DisplayCodes.OutputTestWalkPrefix + DisplayCodes.OutputTestStepName(o));
        }

        Documented(DisplayCodes.OutputTestStepName(OutputTestStep.IndoorFan) + DisplayCodes.OutputTestOn);
        Documented(DisplayCodes.OutputTestStepName(OutputTestStep.IndoorFan) + DisplayCodes.OutputTestOff);
        Documented(DisplayCodes.DefrostWaiting);
        Documented(DisplayCodes.UnknownFault);
        Documented(DisplayCodes.CodePrefix + PanelLogic.InstallerCode);
        Assert.Contains("**" + PanelLogic.InstallerCode + "**", Doc);
        for (int page = 2; page < PanelLogic.ServiceFixedPages; page++)
        {
            Documented(DisplayCodes.ServiceLabel(page));
        }

        Documented(DisplayCodes.FaultPagePrefix + "1");
        Documented(DisplayCodes.FaultPagePrefix + ServiceLog.MaxEntries);
        Documented(DisplayCodes.SettingsCorrupt);
        Documented(DisplayCodes.SwitchesInSeries);
        Documented(DisplayCodes.NoReading);
        foreach (int b in new[] { Buttons.Mode, Buttons.Up, Buttons.Down })
        {
            Documented(DisplayCodes.StuckButton(b));
        }
    }
}
