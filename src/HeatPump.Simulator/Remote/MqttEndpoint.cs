using System.Globalization;
using HeatPump.Simulator.Cli;

namespace HeatPump.Simulator.Remote;

/// <summary>Where the broker is: a host name or IPv4 address, or a bracketed IPv6 address, and a port (1883 unless given).</summary>
/// <param name="Host">Host name or address.</param>
/// <param name="Port">TCP port.</param>
public sealed record MqttEndpoint(string Host, int Port)
{
    /// <summary>MQTT's registered port without TLS.</summary>
    public const int DefaultPort = 1883;

    /// <summary>Reads "HOST", "HOST:PORT" or "[IPV6]:PORT"; a clear <see cref="SimulatorInputException"/> otherwise.</summary>
    public static MqttEndpoint Parse(string? text)
    {
        string t = (text ?? "").Trim();
        if (t.Length == 0)
        {
            throw new SimulatorInputException("--mqtt needs HOST[:PORT], e.g. localhost or 192.168.1.10:1883");
        }

        string host = t;
        string? port = null;
        if (t.StartsWith('['))
        {
            int close = t.IndexOf(']');
            if (close < 2)
            {
                throw new SimulatorInputException("--mqtt: '" + t + "' opens an IPv6 address with '[' but does not close it");
            }

            host = t.Substring(1, close - 1);
            string rest = t.Substring(close + 1);
            if (rest.Length > 0)
            {
                port = rest.StartsWith(':') ? rest.Substring(1) : throw new SimulatorInputException("--mqtt: expected ':PORT' after ']' in '" + t + "'");
            }
        }
        else
        {
            int colon = t.IndexOf(':');
            if (colon >= 0)
            {
                if (t.IndexOf(':', colon + 1) >= 0)
                {
                    throw new SimulatorInputException("--mqtt: '" + t + "' has more than one ':'; write an IPv6 address as [ADDRESS]:PORT");
                }

                host = t.Substring(0, colon);
                port = t.Substring(colon + 1);
            }
        }

        if (host.Length == 0)
        {
            throw new SimulatorInputException("--mqtt: the host is missing in '" + t + "'");
        }

        foreach (char c in host)
        {
            if (char.IsWhiteSpace(c) || c == '/' || c == '@')
            {
                throw new SimulatorInputException("--mqtt: '" + host + "' is not a host name or address (no scheme, user or path: HOST[:PORT])");
            }
        }

        int p = DefaultPort;
        if (port != null && (!int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out p) || p < 1 || p > 65535))
        {
            throw new SimulatorInputException("--mqtt: port must be a number from 1 to 65535, got '" + port + "'");
        }

        return new MqttEndpoint(host, p);
    }

    /// <inheritdoc />
    public override string ToString() => (Host.Contains(':') ? "[" + Host + "]" : Host) + ":" + Port.ToString(CultureInfo.InvariantCulture);
}
