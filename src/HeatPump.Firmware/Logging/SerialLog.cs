using System;
using HeatPump.Control.Hal;

namespace HeatPump.Firmware
{
    /// <summary>
    /// The serial log: one line per record on the console, which nanoCLR sends out of UART0 (the USB
    /// port) when no debugger is attached and to the debugger's output window when one is. Every line
    /// starts "HP1 KIND t=ms" and goes on with space-separated key=value pairs without spaces inside a
    /// value; docs/serial-log.md defines each kind so a script can parse it. Lines are built only on
    /// events and every few seconds, never in every tick.
    /// </summary>
    internal sealed class SerialLog : ILog
    {
        private readonly IMonotonicClock _clock;

        /// <summary>Creates the log, stamping lines with <paramref name="clock"/>.</summary>
        public SerialLog(IMonotonicClock clock)
        {
            _clock = clock;
        }

        /// <summary>Writes one line as it is.</summary>
        public void Line(string text)
        {
            Console.WriteLine(text);
        }

        /// <summary>Writes "HP1 <paramref name="kind"/> t=now <paramref name="body"/>".</summary>
        public void Record(string kind, string body)
        {
            Line("HP1 " + kind + " t=" + _clock.NowMs.ToString() + " " + body);
        }

        /// <summary>Writes a WARN record: something is wrong but control goes on.</summary>
        public void Warn(string body)
        {
            Record("WARN", body);
        }
    }
}
