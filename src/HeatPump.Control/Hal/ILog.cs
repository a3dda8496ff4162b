namespace HeatPump.Control.Hal
{
    /// <summary>Line-oriented log (the serial port on the board, a console or a buffer on a desktop).</summary>
    public interface ILog
    {
        /// <summary>Writes one line.</summary>
        void Line(string text);
    }
}
