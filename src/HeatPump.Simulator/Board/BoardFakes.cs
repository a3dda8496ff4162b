using HeatPump.Control;
using HeatPump.Control.Hal;

namespace HeatPump.Simulator.Board;

/// <summary>What happened in order, across every fake: "outputs", "display", "watchdog", "flash".</summary>
public sealed class Trace
{
    public List<string> Events { get; } = new();

    public void Add(string what) => Events.Add(what);
}

/// <summary>Relays and fans: records what is driven; a changed relay costs one GPIO call.</summary>
public sealed class FakeOutputs : IOutputs
{
    private readonly SimClock _clock;
    private readonly Trace _trace;

    public FakeOutputs(SimClock clock, Trace trace)
    {
        _clock = clock;
        _trace = trace;
    }

    public OutputState Driven;

    public int Writes { get; private set; }

    public bool CompressorEverOn { get; private set; }

    public void Write(ref OutputState outputs)
    {
        int changed = (outputs.Compressor != Driven.Compressor ? 1 : 0) + (outputs.ValveEnergised != Driven.ValveEnergised ? 1 : 0)
            + (outputs.AuxHeat != Driven.AuxHeat ? 1 : 0);
        _clock.Advance(changed * Costs.GpioCallMs);
        Driven = outputs;
        CompressorEverOn |= outputs.Compressor;
        Writes++;
        _trace.Add("outputs");
    }
}

/// <summary>Buttons (levels as the test sets them) and the pressure switches; each read costs a GPIO call.</summary>
public sealed class FakePanel : IPanelInputs
{
    private readonly SimClock _clock;

    public FakePanel(SimClock clock) => _clock = clock;

    public int Held;

    public bool HighPressure;

    public bool LowPressure;

    public bool HighPressureTripped
    {
        get
        {
            _clock.Advance(Costs.GpioCallMs);
            return HighPressure;
        }
    }

    public bool LowPressureTripped
    {
        get
        {
            _clock.Advance(Costs.GpioCallMs);
            return LowPressure;
        }
    }

    public bool Drain;

    public bool DrainOpen
    {
        get
        {
            _clock.Advance(Costs.GpioCallMs);
            return Drain;
        }
    }

    public int ReadButtons()
    {
        _clock.Advance(3 * Costs.GpioCallMs);
        return Held;
    }
}

public sealed class FakeLeds : IStatusLeds
{
    private readonly SimClock _clock;

    public FakeLeds(SimClock clock) => _clock = clock;

    public bool[] On { get; } = new bool[4];

    public void Set(int index, bool on)
    {
        _clock.Advance(Costs.GpioCallMs);
        On[index] = on;
    }
}

public sealed class FakeWatchdog : IWatchdog
{
    private readonly SimClock _clock;
    private readonly Trace _trace;

    public FakeWatchdog(SimClock clock, Trace trace)
    {
        _clock = clock;
        _trace = trace;
    }

    public int Feeds { get; private set; }

    public void Feed()
    {
        _clock.Advance(Costs.GpioCallMs);
        Feeds++;
        _trace.Add("watchdog");
    }
}

public sealed class ListLog : ILog
{
    public List<string> Lines { get; } = new();

    public void Line(string text) => Lines.Add(text);

    public IEnumerable<string> Kind(string kind) => Lines.Where(l => l.StartsWith("HP1 " + kind + " ", StringComparison.Ordinal));
}

/// <summary>
/// Internal flash as files: the two settings slots and the bindings image. Faults as LittleFS
/// raises them on nanoCLR: a plain System.Exception from any call, or a write torn after
/// <see cref="TearAfterBytes"/> bytes (a power cut mid-write).
/// </summary>
public sealed class FakeFlash : ISettingsStore, IBindingStore
{
    private readonly Trace _trace;
    private readonly byte[][] _slots = new byte[2][];

    public FakeFlash(Trace trace) => _trace = trace;

    public byte[]? Bindings;

    public bool ThrowOnRead;

    public bool ThrowOnWrite;

    public int TearAfterBytes = -1;

    public int Writes { get; private set; }

    public int ReadSlot(int slot, byte[] buffer)
    {
        if (ThrowOnRead)
        {
            throw new Exception("LittleFS error (simulated)");
        }

        byte[] data = _slots[slot];
        if (data == null)
        {
            return 0;
        }

        int n = Math.Min(data.Length, buffer.Length);
        Array.Copy(data, buffer, n);
        return n;
    }

    public void WriteSlot(int slot, byte[] record, int length)
    {
        _slots[slot] = Store(record, length);
    }

    public int Read(byte[] buffer)
    {
        if (ThrowOnRead)
        {
            throw new Exception("LittleFS error (simulated)");
        }

        if (Bindings == null)
        {
            return 0;
        }

        int n = Math.Min(Bindings.Length, buffer.Length);
        Array.Copy(Bindings, buffer, n);
        return n;
    }

    public bool Write(byte[] image, int length)
    {
        Bindings = Store(image, length);
        return true;
    }

    private byte[] Store(byte[] data, int length)
    {
        _trace.Add("flash");
        if (ThrowOnWrite)
        {
            throw new Exception("LittleFS error (simulated)");
        }

        Writes++;
        int n = TearAfterBytes >= 0 ? Math.Min(TearAfterBytes, length) : length;
        byte[] copy = new byte[n];
        Array.Copy(data, copy, n);
        return copy;
    }
}
