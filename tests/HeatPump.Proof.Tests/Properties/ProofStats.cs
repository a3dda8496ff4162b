using HeatPump.Control;
using HeatPump.Control.States;

namespace HeatPump.Proof.Tests.Properties;

/// <summary>What the random runs reached, so a generator that never gets anywhere shows up as a failing test.</summary>
public sealed class ProofStats
{
    public long Ticks;
    public long HeatRunning;
    public long CoolRunning;
    public long Melting;
    public long Fault;
    public long Lockout;
    public long AuxHeat;
    public long OutputTest;
    public long PowerCycles;
    public long TornWrites;
    public long SettingsLost;
    public long SettingsAccepted;
    public long SettingsRefused;

    public void Count(ControlCore core, in OutputState o)
    {
        Controller c = core.Controller;
        Ticks++;
        if (core.Panel.OutputTest.Active)
        {
            OutputTest++;
        }

        if (c.State == TopState.Heat && c.Sub == SubState.Running)
        {
            HeatRunning++;
        }
        else if (c.State == TopState.Cool && c.Sub == SubState.Running)
        {
            CoolRunning++;
        }
        else if (c.Sub == SubState.Melting)
        {
            Melting++;
        }
        else if (c.Sub == SubState.Lockout)
        {
            Lockout++;
        }
        else if (c.State == TopState.Fault)
        {
            Fault++;
        }

        if (o.AuxHeat)
        {
            AuxHeat++;
        }
    }

    /// <summary>Adds <paramref name="other"/> into this one; safe from several threads.</summary>
    public void Add(ProofStats other)
    {
        Interlocked.Add(ref Ticks, other.Ticks);
        Interlocked.Add(ref HeatRunning, other.HeatRunning);
        Interlocked.Add(ref CoolRunning, other.CoolRunning);
        Interlocked.Add(ref Melting, other.Melting);
        Interlocked.Add(ref Fault, other.Fault);
        Interlocked.Add(ref Lockout, other.Lockout);
        Interlocked.Add(ref AuxHeat, other.AuxHeat);
        Interlocked.Add(ref OutputTest, other.OutputTest);
        Interlocked.Add(ref PowerCycles, other.PowerCycles);
        Interlocked.Add(ref TornWrites, other.TornWrites);
        Interlocked.Add(ref SettingsLost, other.SettingsLost);
        Interlocked.Add(ref SettingsAccepted, other.SettingsAccepted);
        Interlocked.Add(ref SettingsRefused, other.SettingsRefused);
    }

    public override string ToString() =>
        $"{Ticks:N0} ticks: heat running {HeatRunning:N0}, cool running {CoolRunning:N0}, defrost melting {Melting:N0}, "
        + $"fault {Fault:N0}, lockout {Lockout:N0}, aux {AuxHeat:N0}, output-test mode {OutputTest:N0}; power cycles {PowerCycles:N0}, torn writes {TornWrites:N0} (settings lost {SettingsLost:N0}), "
        + $"settings accepted {SettingsAccepted:N0} / refused {SettingsRefused:N0}";
}
