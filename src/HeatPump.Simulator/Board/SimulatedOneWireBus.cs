using HeatPump.Control.Board;
using HeatPump.Control.Hal;

namespace HeatPump.Simulator.Board;

/// <summary>
/// A 1-Wire bus simulated byte by byte: a reset puts every device into "ROM command" state; Skip ROM
/// and Match ROM select devices; Convert T, Read Scratchpad, Write Scratchpad and Copy Scratchpad act
/// on the selected ones; a read slot nobody drives reads as 1 (the pull-up), so a silent bus reads
/// 0xFF. The ROM search stands for nanoCLR's native one. Every call advances the clock by its cost.
/// </summary>
public sealed class SimulatedOneWireBus : IOneWireBus
{
    private readonly SimClock _clock;
    private readonly List<Ds18b20Model> _selected = new();
    private readonly byte[] _match = new byte[8];
    private State _state;
    private int _index;
    private byte[]? _reading;
    private readonly byte[] _written = new byte[3];
    private int _searchAt;

    public SimulatedOneWireBus(SimClock clock) => _clock = clock;

    private enum State { Idle, RomCommand, MatchRom, Function, WriteScratchpad, Reading }

    /// <summary>Devices on the bus, in ROM search order.</summary>
    public List<Ds18b20Model> Devices { get; } = new();

    /// <summary>A device that answers no ROM code but still clamps the line: every call throws (a driver error).</summary>
    public bool DriverThrows { get; set; }

    public int Resets { get; private set; }

    public int Bytes { get; private set; }

    public bool Reset()
    {
        Throw();
        _clock.Advance(Costs.OneWireResetMs);
        Resets++;
        _selected.Clear();
        _state = State.RomCommand;
        return Devices.Any(d => d.Present);
    }

    public void WriteByte(byte value)
    {
        Throw();
        Cost();
        switch (_state)
        {
            case State.RomCommand:
                if (value == Ds18b20Commands.SkipRom)
                {
                    _selected.AddRange(Devices.Where(d => d.Present));
                    _state = State.Function;
                }
                else if (value == Ds18b20Commands.MatchRom)
                {
                    _index = 0;
                    _state = State.MatchRom;
                }
                else
                {
                    _state = State.Idle;
                }

                break;
            case State.MatchRom:
                _match[_index++] = value;
                if (_index == 8)
                {
                    _selected.AddRange(Devices.Where(d => d.Present && d.Rom.SequenceEqual(_match)));
                    _state = State.Function;
                }

                break;
            case State.Function:
                Function(value);
                break;
            case State.WriteScratchpad:
                _written[_index++] = value;
                if (_index == 3)
                {
                    _selected.ForEach(d => d.WriteScratchpad(_written[0], _written[1], _written[2]));
                    _state = State.Idle;
                }

                break;
            default:
                break;
        }
    }

    public byte ReadByte()
    {
        Throw();
        Cost();
        if (_state != State.Reading || _reading == null || _index >= _reading.Length)
        {
            return 0xFF;
        }

        return _reading[_index++];
    }

    public bool SearchFirst()
    {
        Throw();
        _searchAt = -1;
        return SearchNext();
    }

    public bool SearchNext()
    {
        Throw();
        _clock.Advance(Costs.SearchStepMs);
        // Each native search step starts with a reset: whatever transaction was under way is gone.
        _selected.Clear();
        _state = State.Idle;
        _searchAt++;
        List<Ds18b20Model> present = Devices.Where(d => d.Present).ToList();
        return _searchAt < present.Count;
    }

    public void CopyFoundRom(byte[] into, int at)
    {
        byte[] rom = Devices.Where(d => d.Present).ElementAt(_searchAt).Rom;
        Array.Copy(rom, 0, into, at, 8);
    }

    private void Function(byte value)
    {
        if (value == Ds18b20Commands.ConvertT)
        {
            _selected.ForEach(d => d.StartConversion(_clock.Ms));
            _state = State.Idle;
        }
        else if (value == Ds18b20Commands.ReadScratchpad)
        {
            // Several devices answering one read pull the line low together: a wired AND.
            _reading = null;
            foreach (Ds18b20Model d in _selected)
            {
                byte[] pad = d.ReadScratchpad(_clock.Ms);
                _reading = _reading == null ? pad : _reading.Zip(pad, (a, b) => (byte)(a & b)).ToArray();
            }

            _index = 0;
            _state = State.Reading;
        }
        else if (value == Ds18b20Commands.WriteScratchpad)
        {
            _index = 0;
            _state = State.WriteScratchpad;
        }
        else if (value == Ds18b20Commands.CopyScratchpad)
        {
            _selected.ForEach(d => d.CopyScratchpad());
            _state = State.Idle;
        }
        else
        {
            _state = State.Idle;
        }
    }

    private void Cost()
    {
        Bytes++;
        double extra = _selected.Count > 0 ? _selected.Max(d => d.ExtraMsPerByte) : 0;
        _clock.Advance(Costs.OneWireByteMs + extra);
    }

    private void Throw()
    {
        if (DriverThrows)
        {
            throw new InvalidOperationException("1-Wire driver error (simulated)");
        }
    }
}
