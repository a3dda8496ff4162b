using HeatPump.Control.Hal;

namespace HeatPump.Simulator.Board;

/// <summary>
/// A TM1637 at its two pins, as its datasheet describes the interface: start = DIO falls while CLK
/// is high, stop = DIO rises while CLK is high, data bits sampled on CLK's rising edge, the chip
/// pulling DIO low from the 8th falling edge to the 9th as its acknowledge. DIO is open-drain from
/// the board's side; the line is low when either side pulls it low. Commands decoded: data
/// (auto-increment or fixed address), address, display control. Each pin call costs one managed
/// GPIO call on the simulated clock.
/// </summary>
public sealed class Tm1637Model : IDisplayPins
{
    private readonly SimClock _clock;
    private readonly List<byte> _frame = new();
    private readonly Action<string> _trace;
    private bool _clk = true;
    private bool _boardPullsLow;
    private bool _dioIsInput;
    private bool _chipPullsLow;
    private bool _inFrame;
    private int _bits;
    private int _current;
    private bool _fixedAddress;

    public Tm1637Model(SimClock clock, Action<string> trace)
    {
        _clock = clock;
        _trace = trace;
    }

    /// <summary>False: no module on the pins (nobody acknowledges).</summary>
    public bool Fitted { get; set; } = true;

    /// <summary>The segment bytes in the chip's display RAM.</summary>
    public byte[] Digits { get; } = new byte[6];

    public bool DisplayOn { get; private set; }

    public int Brightness { get; private set; }

    /// <summary>A start or stop seen in the middle of a byte: the board broke the protocol.</summary>
    public int ProtocolErrors { get; private set; }

    /// <summary>Pin calls made (each costs a GPIO call).</summary>
    public int Calls { get; private set; }

    /// <summary>Bytes acknowledged.</summary>
    public int Acknowledged { get; private set; }

    private bool Line => !_chipPullsLow && (_dioIsInput || !_boardPullsLow);

    public void Clock(bool high)
    {
        Call();
        if (high == _clk)
        {
            return;
        }

        _clk = high;
        if (!_inFrame)
        {
            return;
        }

        if (high)
        {
            if (_bits < 8)
            {
                if (Line)
                {
                    _current |= 1 << _bits;
                }

                _bits++;
            }
        }
        else if (_bits == 8 && !_chipPullsLow)
        {
            // 8th falling edge: acknowledge.
            _chipPullsLow = Fitted;
            if (!Fitted)
            {
                _bits = 9;
            }
        }
        else if (_bits >= 8)
        {
            // 9th falling edge: the byte is done, the chip lets go.
            if (_chipPullsLow)
            {
                Acknowledged++;
            }

            _chipPullsLow = false;
            _frame.Add((byte)_current);
            _current = 0;
            _bits = 0;
        }
    }

    public void DriveData(bool high) => SetData(false, !high);

    public void ReleaseData() => SetData(true, _boardPullsLow);

    public bool ReadData()
    {
        Call();
        return Line;
    }

    private void SetData(bool input, bool pullLow)
    {
        Call();
        bool before = Line;
        _dioIsInput = input;
        _boardPullsLow = pullLow;
        bool after = Line;
        if (!_clk || before == after)
        {
            return;
        }

        if (!after)
        {
            if (_inFrame && _bits != 0)
            {
                ProtocolErrors++;
            }

            _inFrame = true;
            _frame.Clear();
            _bits = 0;
            _current = 0;
        }
        else
        {
            // The stop's own clock pulse shifts in one bit that the stop then discards.
            if (_bits > 1)
            {
                ProtocolErrors++;
            }

            _inFrame = false;
            Execute();
        }
    }

    private void Execute()
    {
        if (_frame.Count == 0)
        {
            return;
        }

        byte command = _frame[0];
        if ((command & 0xC0) == 0x40)
        {
            _fixedAddress = (command & 0x04) != 0;
        }
        else if ((command & 0xC0) == 0x80)
        {
            DisplayOn = (command & 0x08) != 0;
            Brightness = command & 0x07;
        }
        else if ((command & 0xC0) == 0xC0)
        {
            int address = command & 0x07;
            for (int i = 1; i < _frame.Count && address < Digits.Length; i++)
            {
                Digits[address] = _frame[i];
                if (!_fixedAddress)
                {
                    address++;
                }
            }

            _trace("display");
        }
    }

    private void Call()
    {
        Calls++;
        _clock.Advance(Costs.GpioCallMs);
    }
}
