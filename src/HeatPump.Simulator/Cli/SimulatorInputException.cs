namespace HeatPump.Simulator.Cli;

/// <summary>Bad input from the user: reported as one line on stderr with a non-zero exit, never as a stack trace.</summary>
public sealed class SimulatorInputException : Exception
{
    /// <summary>An input error with the message the user will read.</summary>
    public SimulatorInputException(string message)
        : base(message)
    {
    }
}
