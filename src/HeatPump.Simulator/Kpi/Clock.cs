namespace HeatPump.Simulator.Kpi;

/// <summary>Simulated time as people read it.</summary>
public static class Clock
{
    /// <summary>Milliseconds since power-up as "day 3 04:05:06" (days counted from 0).</summary>
    public static string Format(long ms)
    {
        long s = ms / 1000;
        return "day " + s / 86400 + " " + (s / 3600 % 24).ToString("00") + ":" + (s / 60 % 60).ToString("00") + ":" + (s % 60).ToString("00");
    }
}
