using HeatPump.Control.Hal;

namespace HeatPump.Simulator.Bench;

/// <summary>
/// The MODE, UP and DOWN buttons as a finger works them, turned into the raw levels the control
/// core samples each tick. A terminal reports key presses but never key releases, so a press here
/// is a whole gesture: a short press holds the button <see cref="PressMs"/> and lets it go; a hold
/// keeps it down for a stated time, or until it is let go (<see cref="Toggle"/>). Presses that come
/// faster than a finger could make them wait their turn, with <see cref="GapMs"/> between, so the
/// panel's debounce sees every one.
/// </summary>
public sealed class BenchButtons
{
    /// <summary>How long a short press keeps the button down: three 100 ms samples, well inside the 3 s long press.</summary>
    public const long PressMs = 300;

    /// <summary>How long a button stays up between two queued presses, so the debounce sees the release.</summary>
    public const long GapMs = 300;

    /// <summary>
    /// Extra time a timed hold keeps the button down, three 100 ms bench ticks: the level is first
    /// sampled on the next tick, the debounce believes it one sample later and starts counting the
    /// hold there, and the level must still read down on the sample where the hold reaches its time.
    /// So "hold MODE 3s" gives the panel a hold of 3 s as it counts, and the service page opens.
    /// </summary>
    public const long DebounceAllowanceMs = 300;

    private const int Count = 3;
    private static readonly int[] Bits = { Buttons.Mode, Buttons.Up, Buttons.Down };

    private readonly long[] _downSince = new long[Count];
    private readonly long[] _downUntil = new long[Count];
    private readonly long[] _upUntil = new long[Count];
    private readonly int[] _queued = new int[Count];
    private readonly bool[] _down = new bool[Count];

    /// <summary>Queues a short press of each button in <paramref name="buttons"/> (<see cref="Buttons"/> flags).</summary>
    public void Press(int buttons, long nowMs)
    {
        for (int i = 0; i < Count; i++)
        {
            if ((buttons & Bits[i]) == 0) continue;
            if (_down[i] && _downUntil[i] == long.MaxValue)
            {
                // A short press on a button held "until let go" is the finger coming off it.
                Release(i, nowMs);
                continue;
            }

            _queued[i]++;
        }
    }

    /// <summary>Holds every button in <paramref name="buttons"/> down together from now for <paramref name="durationMs"/> as the panel counts it.</summary>
    public void Hold(int buttons, long durationMs, long nowMs)
    {
        for (int i = 0; i < Count; i++)
        {
            if ((buttons & Bits[i]) == 0) continue;
            _queued[i] = 0;
            PutDown(i, nowMs, nowMs + durationMs + DebounceAllowanceMs);
        }
    }

    /// <summary>Puts <paramref name="button"/> down until it is toggled again, or lets it go if it is held.</summary>
    public void Toggle(int button, long nowMs)
    {
        int i = Index(button);
        if (_down[i])
        {
            Release(i, nowMs);
        }
        else
        {
            _queued[i] = 0;
            PutDown(i, nowMs, long.MaxValue);
        }
    }

    /// <summary>Lets every button go and forgets queued presses.</summary>
    public void ReleaseAll(long nowMs)
    {
        for (int i = 0; i < Count; i++)
        {
            _queued[i] = 0;
            if (_down[i]) Release(i, nowMs);
        }
    }

    /// <summary>The raw levels at <paramref name="nowMs"/> (<see cref="Buttons"/> flags): call once per tick, in time order.</summary>
    public int Levels(long nowMs)
    {
        int levels = 0;
        for (int i = 0; i < Count; i++)
        {
            if (_down[i] && nowMs >= _downUntil[i]) Release(i, nowMs);
            if (!_down[i] && _queued[i] > 0 && nowMs >= _upUntil[i])
            {
                _queued[i]--;
                PutDown(i, nowMs, nowMs + PressMs);
            }

            if (_down[i]) levels |= Bits[i];
        }

        return levels;
    }

    /// <summary>True when no button is down, none is queued, and the last release has been seen by the debounce.</summary>
    public bool Idle(long nowMs)
    {
        for (int i = 0; i < Count; i++)
        {
            if (_down[i] || _queued[i] > 0 || nowMs < _upUntil[i]) return false;
        }

        return true;
    }

    /// <summary>True while <paramref name="button"/> is held until let go.</summary>
    public bool HeldUntilLetGo(int button)
    {
        int i = Index(button);
        return _down[i] && _downUntil[i] == long.MaxValue;
    }

    /// <summary>True while <paramref name="button"/> is down (pressed, held or held until let go).</summary>
    public bool IsDown(int button) => _down[Index(button)];

    /// <summary>How long <paramref name="button"/> has been down at <paramref name="nowMs"/>, ms (0 when up).</summary>
    public long DownForMs(int button, long nowMs)
    {
        int i = Index(button);
        return _down[i] ? nowMs - _downSince[i] : 0;
    }

    private void PutDown(int i, long nowMs, long untilMs)
    {
        if (!_down[i]) _downSince[i] = nowMs;
        _down[i] = true;
        _downUntil[i] = untilMs;
    }

    private void Release(int i, long nowMs)
    {
        _down[i] = false;
        _downUntil[i] = nowMs;
        _upUntil[i] = nowMs + GapMs;
    }

    private static int Index(int button)
    {
        int i = Array.IndexOf(Bits, button);
        if (i < 0) throw new ArgumentException("one of Buttons.Mode, Buttons.Up, Buttons.Down", nameof(button));
        return i;
    }
}
