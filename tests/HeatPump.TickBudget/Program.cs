using System.Diagnostics;
using HeatPump.Control;
using HeatPump.Control.Sensors;
using HeatPump.Control.Settings;
using HeatPump.Scenarios;

// Tick budget of the control core. Steps the whole control core (sensor validation, panel, controller,
// guard, display) on the scenario rig through heating with frost and defrosts, a forced defrost,
// cooling, and an indoor-sensor fault with recovery, and reports bytes allocated per tick
// (target 0: the device's garbage collector stops the loop) and nanoseconds per tick.
// The time includes the rig's own work (invariant monitor, coarse room and coil models), so it
// is an upper bound for the core alone.
// Usage: dotnet run -c Release --project tests/HeatPump.TickBudget [ticks]
int ticks = args.Length > 0 && int.TryParse(args[0], out int n) && n >= 100_000 ? n : 400_000;

// Warm-up run: JIT tiers settle and every code path has been taken once.
Workload.Run(ticks, out _);
var rig = Workload.NewRig();
var stateTicks = new long[5];
var sw = new Stopwatch();
long before = GC.GetAllocatedBytesForCurrentThread();
sw.Start();
Workload.Drive(rig, ticks, stateTicks);
sw.Stop();
long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

Console.WriteLine($"ticks: {ticks:N0} at 1 s ({ticks / 3600.0:F1} h simulated)");
Console.WriteLine("ticks per state: " + string.Join(", ", stateTicks.Select((c, i) => $"{(TopState)i} {c:N0}")));
Console.WriteLine($"defrosts: {rig.Controller.DefrostCount}, compressor starts: {rig.Starts}, invariant breaches: {rig.Referee.Total}, guard vetoes: {rig.Core.Guard.Vetoes}");
Console.WriteLine($"time: {sw.Elapsed.TotalMilliseconds * 1e6 / ticks:F0} ns/tick (rig tick: core step + safety referee + models)");
Console.WriteLine($"allocated: {allocated:N0} bytes in {ticks:N0} ticks = {allocated / (double)ticks:F4} bytes/tick");
return allocated == 0 && rig.Referee.Total == 0 ? 0 : 1;

internal static class Workload
{
    public static Rig NewRig()
    {
        var rig = new Rig(UserMode.Heat)
        {
            CoilModel = true,
            RoomModel = true,
            FrostDeltaTPerHour = 3f,
            OutdoorC = 0f,
            IndoorC = 19f,
        };
        return rig;
    }

    public static void Run(int ticks, out Rig rig)
    {
        rig = NewRig();
        Drive(rig, ticks, new long[5]);
    }

    /// <summary>Heat with frost (demand defrosts) → a forced defrost at 1/3 → cool from 60 % → heat from 80 % → indoor sensor lost at 90–92 %.</summary>
    public static void Drive(Rig rig, int ticks, long[] stateTicks)
    {
        for (int i = 0; i < ticks; i++)
        {
            int pct = (int)(i * 100L / ticks);
            if (pct >= 60 && pct < 80 && rig.Settings.Mode != UserMode.Cool)
            {
                rig.Set(SettingId.Mode, (int)UserMode.Cool);
                rig.OutdoorC = 30f;
            }
            else if (pct >= 80 && rig.Settings.Mode == UserMode.Cool)
            {
                rig.Set(SettingId.Mode, (int)UserMode.Heat);
                rig.OutdoorC = 0f;
            }

            rig.IndoorStatus = pct >= 90 && pct < 92 ? SampleStatus.NoResponse : SampleStatus.Ok;
            if (i == ticks / 3)
            {
                rig.DefrostRequest = true;
            }

            rig.Tick();
            stateTicks[(int)rig.State]++;
        }
    }
}
