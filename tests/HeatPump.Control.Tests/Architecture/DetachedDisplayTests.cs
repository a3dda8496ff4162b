using HeatPump.Control.Hal;
using HeatPump.Control.Sensors;
using HeatPump.Control.Settings;
using Xunit;

namespace HeatPump.Control.Tests;

/// <summary>
/// The plant simulator runs the core with no panel attached (<see cref="ControlCore.DisplayAttached"/> false),
/// so its figures hold for the board only if the display feeds nothing back into control.
/// </summary>
public class DetachedDisplayTests
{
    [Fact]
    public void A_core_without_a_display_drives_the_same_outputs_and_takes_the_same_keys_as_one_with_it()
    {
        var shown = new UnitWithKeys(displayAttached: true);
        var headless = new UnitWithKeys(displayAttached: false);
        int starts = 0;
        bool wasOn = false;
        // The board's 100 ms tick, keys held 0.4 s: Mode into Heat, the setpoint up three half-degrees
        // (the first press shows it), an hour later down one.
        for (long ms = 0; ms < 6 * 3600_000; ms += 100)
        {
            long s = ms / 1000;
            bool held = ms % 1000 < 400;
            int keys = !held ? Buttons.None : s switch
            {
                30 => Buttons.Mode,
                40 or 42 or 44 or 46 => Buttons.Up,
                3600 or 3602 => Buttons.Down,
                _ => Buttons.None,
            };
            shown.Step(ms, keys);
            headless.Step(ms, keys);

            OutputState a = shown.Core.Outputs, b = headless.Core.Outputs;
            Assert.True(a.Compressor == b.Compressor && a.ValveEnergised == b.ValveEnergised && a.Defrost == b.Defrost
                && a.IndoorFanDuty == b.IndoorFanDuty && a.OutdoorFanDuty == b.OutdoorFanDuty && a.AuxHeat == b.AuxHeat,
                "outputs part at " + ms + " ms");
            starts += a.Compressor && !wasOn ? 1 : 0;
            wasOn = a.Compressor;
        }

        Assert.Equal(UserMode.Heat, headless.Core.Settings.Mode);
        Assert.Equal(shown.Core.Settings.Get(SettingId.HeatSetpoint), headless.Core.Settings.Get(SettingId.HeatSetpoint));
        Assert.Equal(new ControllerSettings().Get(SettingId.HeatSetpoint) + 10, headless.Core.Settings.Get(SettingId.HeatSetpoint));
        Assert.True(starts >= 3, "the house cycled the compressor " + starts + " times");
        Assert.NotEqual("", shown.Core.Display.Text.Trim());
        Assert.Equal("", headless.Core.Display.Text.Trim());
    }

    /// <summary>A core on a one-room house that warms at 2 K an hour with the compressor on and cools at 1 K an hour off.</summary>
    private sealed class UnitWithKeys
    {
        private readonly RawInputs _in = new();
        private double _indoorC = 19.0;

        public UnitWithKeys(bool displayAttached)
        {
            Core = new ControlCore(new ControllerSettings(), 0, 7) { DisplayAttached = displayAttached };
        }

        public ControlCore Core { get; }

        public void Step(long nowMs, int keys)
        {
            bool running = Core.Outputs.Compressor;
            _indoorC += (running ? 2.0 : -1.0) / 36000.0;
            _in.NowMs = nowMs;
            _in.Indoor = SensorSample.Good(SensorSample.ToSixteenths((float)_indoorC));
            _in.Outdoor = SensorSample.Good(SensorSample.ToSixteenths(3f));
            _in.Coil = SensorSample.Good(SensorSample.ToSixteenths(running ? -3f : 3f));
            _in.Supply = SensorSample.Failed(SampleStatus.NoResponse);
            _in.Buttons = keys;
            Core.Step(_in);
        }
    }
}
