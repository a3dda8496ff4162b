using HeatPump.Control;

namespace HeatPump.Simulator.Tests;

/// <summary>
/// Output traces written as one character per tick, so a test reads like a timing diagram:
/// '.' all off; 'h' heating (compressor and fans on, valve in heating position); 'd' defrost with the
/// compressor off and the valve still in heating position; 'D' defrost, compressor off, valve in the
/// cooling position; 'M' defrost melting (compressor on, valve cooling, fans off); 'r' the restart in
/// heat that completes the shift out of a defrost; 'c' cooling (compressor on, valve energised).
/// </summary>
internal static class KpiTrace
{
    public static OutputState At(char c)
    {
        OutputState o = default;
        switch (c)
        {
            case '.':
                break;
            case 'h':
            case 'r':
                o.Compressor = true;
                o.IndoorFanDuty = 1;
                o.OutdoorFanDuty = 1;
                o.QuietShiftRestart = c == 'r';
                break;
            case 'c':
                o.Compressor = true;
                o.ValveEnergised = true;
                o.IndoorFanDuty = 1;
                o.OutdoorFanDuty = 1;
                break;
            case 'd':
                o.Defrost = true;
                break;
            case 'D':
                o.Defrost = true;
                o.ValveEnergised = true;
                break;
            case 'M':
                o.Defrost = true;
                o.ValveEnergised = true;
                o.Compressor = true;
                o.QuietShiftRestart = true;
                break;
            default:
                throw new ArgumentException("unknown trace character '" + c + "'");
        }

        return o;
    }

    /// <summary>The trace with each character repeated as written: "h*3" is not supported; use Repeat.</summary>
    public static string Repeat(char c, int n) => new string(c, n);
}
