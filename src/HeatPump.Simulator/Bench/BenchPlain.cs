using System.Diagnostics;
using HeatPump.Control;
using HeatPump.Control.FrontPanel;
using HeatPump.Control.Logging;
using HeatPump.Control.States;

namespace HeatPump.Simulator.Bench;

/// <summary>
/// The bench without a terminal to draw on (output to a file or a pipe): one plain status line per
/// simulated minute and one whenever something a user would notice changes, paced like the live
/// view (or as fast as possible), for a set time or until interrupted. Keys still work when the
/// input is a terminal.
/// </summary>
public static class BenchPlain
{
    /// <summary>Runs for <paramref name="durationMs"/> of simulated time (forever when null); <paramref name="speed"/> 0 is as fast as possible.</summary>
    public static int Run(BenchSession s, BenchControls c, TextWriter output, int speed, long? durationMs)
    {
        bool keys = !Console.IsInputRedirected;
        bool stop = false;
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            stop = true;
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            long end = durationMs ?? long.MaxValue;
            long nextMinute = 0;
            var wall = Stopwatch.StartNew();
            output.WriteLine(Line(s));
            while (!stop && !c.Quit && s.NowMs < end)
            {
                while (keys && Console.KeyAvailable) c.Handle(Console.ReadKey(intercept: true), s);
                if (c.Paused)
                {
                    Thread.Sleep(50);
                    wall.Restart();
                    continue;
                }

                s.Step();
                if (s.Changed || s.NowMs >= nextMinute)
                {
                    output.WriteLine(Line(s));
                    output.Flush();
                    while (nextMinute <= s.NowMs) nextMinute += 60_000;
                }

                int pace = speed > 0 ? speed : 0;
                if (pace > 0)
                {
                    long due = s.NowMs / pace;
                    long ahead = due - wall.ElapsedMilliseconds;
                    if (ahead > 20) Thread.Sleep((int)ahead);
                }
            }

            output.Flush();
            return 0;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    /// <summary>One status line: time, display, LEDs, state and hold, outputs, sensors.</summary>
    public static string Line(BenchSession s)
    {
        DisplayModel d = s.Core.Display;
        Controller c = s.Core.Controller;
        OutputState o = s.Core.Outputs;
        long left = BenchNarrator.HoldLeftMs(s);
        string hold = c.Hold == HoldReason.None ? "" : "  hold " + LogFormat.HoldName(c.Hold) + (left >= 0 ? " " + BenchNarrator.Span(left) : "");
        return BenchNarrator.Clock(s.NowMs).PadLeft(8) + "  display [" + d.Text.PadRight(4) + "]"
            + "  leds heat=" + Led(d.Heat) + " cool=" + Led(d.Cool) + " defrost=" + Led(d.Defrost) + " fault=" + Led(d.Fault)
            + "  " + LogFormat.StateName(c.State, c.Sub) + hold
            + "  comp=" + Bit(o.Compressor) + " valve=" + Bit(o.ValveEnergised) + " aux=" + Bit(o.AuxHeat)
            + " fan_in=" + LogFormat.Percent(o.IndoorFanDuty) + "% fan_out=" + LogFormat.Percent(o.OutdoorFanDuty) + "%"
            + "  in=" + LogFormat.Temperature(s.Core.Indoor) + " out=" + LogFormat.Temperature(s.Core.Outdoor) + " coil=" + LogFormat.Temperature(s.Core.Coil);
    }

    private static string Led(LedState l) => l == LedState.Blink ? "blink" : l == LedState.On ? "on" : "off";

    private static string Bit(bool b) => b ? "1" : "0";
}
