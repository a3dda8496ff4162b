namespace HeatPump.Firmware
{
    /// <summary>
    /// The control board: which ESP32 GPIO does what, and the build-time options of the hardware.
    /// hardware/pinout.md explains why each pin is safe (no flash pins, no input-only pins for
    /// outputs, strapping pins only where their boot level is harmless, outputs low through reset).
    /// </summary>
    internal static class BoardConfig
    {
        /// <summary>Compressor contactor relay driver input (pulled down on the board: off through reset).</summary>
        public const int CompressorRelayPin = 25;

        /// <summary>Reversing-valve relay driver input (pulled down on the board).</summary>
        public const int ValveRelayPin = 26;

        /// <summary>Auxiliary-heat relay driver input, terminal W2/E (pulled down on the board).</summary>
        public const int AuxRelayPin = 27;

        /// <summary>
        /// Blower-call relay driver input, terminal G: closes R to G whenever the indoor fan is wanted, for
        /// air handlers that run their own blower. Strapping pin 12: the driver's pull-down holds it low at
        /// reset, which is also the level that selects the 3.3 V flash.
        /// </summary>
        public const int BlowerCallRelayPin = 12;

        /// <summary>
        /// Alarm relay driver input, terminal L (fail-safe: energised while the unit runs without a fault, so
        /// its normally closed contact signals a fault, a dead board and a power cut alike). GPIO 5 is driven
        /// by the ROM during boot; the relay then is off, which is the alarm state anyway.
        /// </summary>
        public const int AlarmRelayPin = 5;

        /// <summary>Indoor fan PWM (open-collector 0-10 V or EC-motor PWM interface, pulled down).</summary>
        public const int IndoorFanPwmPin = 18;

        /// <summary>Outdoor fan PWM (pulled down).</summary>
        public const int OutdoorFanPwmPin = 19;

        /// <summary>PWM carrier for both fans, Hz. EC motors take 1-10 kHz control PWM; 1 kHz is the common choice.</summary>
        public const int FanPwmFrequencyHz = 1000;

        /// <summary>1-Wire bus: COM3 RX, joined to TX on the board, 4.7 kΩ pull-up to 3.3 V.</summary>
        public const int OneWireRxPin = 32;

        /// <summary>1-Wire bus: COM3 TX, which nanoCLR drives open-drain.</summary>
        public const int OneWireTxPin = 33;

        /// <summary>TM1637 data (DIO).</summary>
        public const int DisplayDioPin = 21;

        /// <summary>TM1637 clock (CLK).</summary>
        public const int DisplayClkPin = 22;

        /// <summary>Heat LED.</summary>
        public const int HeatLedPin = 13;

        /// <summary>Cool LED.</summary>
        public const int CoolLedPin = 14;

        /// <summary>Defrost LED (strapping pin 2: the LED to ground keeps it low, as download mode wants).</summary>
        public const int DefrostLedPin = 2;

        /// <summary>Fault LED (strapping pin 15: held low by the LED it only silences the ROM boot log).</summary>
        public const int FaultLedPin = 15;

        /// <summary>Heartbeat to the external watchdog supervisor's WDI input.</summary>
        public const int WatchdogHeartbeatPin = 23;

        /// <summary>MODE button (input-only pin, external 10 kΩ pull-up, pressed = low).</summary>
        public const int ModeButtonPin = 34;

        /// <summary>UP button (input-only pin, external 10 kΩ pull-up, pressed = low).</summary>
        public const int UpButtonPin = 35;

        /// <summary>DOWN button (input-only pin, external 10 kΩ pull-up, pressed = low).</summary>
        public const int DownButtonPin = 39;

        /// <summary>High-pressure switch, normally closed to ground; open (high) = tripped. Input-only pin, external pull-up.</summary>
        public const int HighPressureSwitchPin = 36;

        /// <summary>Low-pressure switch, normally closed to ground; open (high) = tripped. Internal and external pull-up.</summary>
        public const int LowPressureSwitchPin = 4;

        /// <summary>
        /// Condensate overflow (float) switch, normally closed to ground; open (high) = pan full. Internal and
        /// external pull-up. GPIO 17: the one ordinary pin left, so the board takes WROOM modules (on a WROVER
        /// it is the PSRAM clock; hardware/pinout.md).
        /// </summary>
        public const int DrainSwitchPin = 17;

        /// <summary>
        /// True (the default) when the high- and low-pressure switches are wired to the board's inputs, so the
        /// board sees every trip: anti-short-cycle, a code, a count and the lockout (hardware/pinout.md). False
        /// only as an explicit choice for a unit whose switches must stay in series with the contactor coil: the
        /// inputs are then not read, a trip stops the compressor behind the board's back, and the panel
        /// (<c>P.SEr</c>) and the START log line (<c>pressure_switches=series</c>) say so.
        /// </summary>
        public static readonly bool PressureSwitchesFitted = true;

        /// <summary>TM1637 brightness, 0 (dim) .. 7 (bright).</summary>
        public const int DisplayBrightness = 4;
    }
}
