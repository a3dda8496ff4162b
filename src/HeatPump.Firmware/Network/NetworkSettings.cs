using System;
using HeatPump.Firmware.Storage;

namespace HeatPump.Firmware.Network
{
    /// <summary>
    /// Wi-Fi and broker settings, read at boot from a text file on the board's internal flash
    /// (<see cref="Path"/>), put there with nanoff's file deployment (docs/home-assistant.md): so
    /// credentials are provisioned without recompiling and never live in the repository. One
    /// "key=value" per line; '#' starts a comment. Secrets are kept in memory only and never logged:
    /// <see cref="Problem"/> names a key, never a value.
    /// </summary>
    internal sealed class NetworkSettings
    {
        /// <summary>The file on internal flash.</summary>
        public const string Path = FlashFile.Drive + "network.cfg";

        /// <summary>Largest file read, bytes (a CA certificate is a separate file).</summary>
        private const int MaxFileBytes = 2048;

        /// <summary>Largest CA certificate read, bytes (a PEM root certificate is about 2 KB).</summary>
        private const int MaxCaBytes = 4096;

        private NetworkSettings()
        {
            MqttPort = 1883;
        }

        /// <summary>Wi-Fi network name.</summary>
        public string WifiSsid { get; private set; }

        /// <summary>Wi-Fi password (never logged).</summary>
        public string WifiPassword { get; private set; }

        /// <summary>Broker host name or address.</summary>
        public string MqttHost { get; private set; }

        /// <summary>Broker port: 1883, or 8883 with TLS, unless given.</summary>
        public int MqttPort { get; private set; }

        /// <summary>Broker user, or null.</summary>
        public string MqttUser { get; private set; }

        /// <summary>Broker password, or null (never logged).</summary>
        public string MqttPassword { get; private set; }

        /// <summary>The CA certificate (PEM or DER bytes) that signed the broker's, when TLS is on; null without TLS.</summary>
        public byte[] CaCertificate { get; private set; }

        /// <summary>This unit's id in topics, or null to use the one derived from the chip.</summary>
        public string NodeId { get; private set; }

        /// <summary>Why the file was not usable (a key or a line number, never a value); null when it was.</summary>
        public string Problem { get; private set; }

        /// <summary>Reads <see cref="Path"/>: null when there is no file (networking off), settings with <see cref="Problem"/> set when it is unusable.</summary>
        public static NetworkSettings Load()
        {
            byte[] buffer = new byte[MaxFileBytes + 1];
            int length = FlashFile.Read(Path, buffer);
            if (length == 0)
            {
                return null;
            }

            NetworkSettings s = new NetworkSettings();
            if (length > MaxFileBytes)
            {
                s.Problem = "file longer than " + MaxFileBytes.ToString() + " bytes";
                return s;
            }

            string text = Utf8(buffer, length);
            string[] lines = text.Split('\n');
            bool tls = false;
            string caPath = null;
            bool portGiven = false;
            for (int i = 0; i < lines.Length && s.Problem == null; i++)
            {
                string line = lines[i].Trim();
                if (line.Length == 0 || line[0] == '#')
                {
                    continue;
                }

                int eq = line.IndexOf('=');
                if (eq <= 0)
                {
                    s.Problem = "line " + (i + 1).ToString() + " is not key=value";
                    break;
                }

                string key = line.Substring(0, eq).Trim();
                string value = line.Substring(eq + 1).Trim();
                if (key == "wifi.ssid")
                {
                    s.WifiSsid = value;
                }
                else if (key == "wifi.password")
                {
                    s.WifiPassword = value;
                }
                else if (key == "mqtt.host")
                {
                    s.MqttHost = value;
                }
                else if (key == "mqtt.port")
                {
                    int port;
                    if (!int.TryParse(value, out port) || port < 1 || port > 65535)
                    {
                        s.Problem = "mqtt.port must be 1..65535";
                    }

                    s.MqttPort = port;
                    portGiven = true;
                }
                else if (key == "mqtt.user")
                {
                    s.MqttUser = value;
                }
                else if (key == "mqtt.password")
                {
                    s.MqttPassword = value;
                }
                else if (key == "mqtt.tls")
                {
                    tls = value == "1";
                }
                else if (key == "mqtt.ca")
                {
                    caPath = value;
                }
                else if (key == "node")
                {
                    s.NodeId = value;
                }
                else
                {
                    s.Problem = "unknown key on line " + (i + 1).ToString();
                }
            }

            if (s.Problem == null && (s.WifiSsid == null || s.WifiSsid.Length == 0))
            {
                s.Problem = "wifi.ssid missing";
            }
            else if (s.Problem == null && (s.MqttHost == null || s.MqttHost.Length == 0))
            {
                s.Problem = "mqtt.host missing";
            }
            else if (s.Problem == null && tls)
            {
                if (!portGiven)
                {
                    s.MqttPort = 8883;
                }

                byte[] ca = new byte[MaxCaBytes];
                int caLength = caPath == null ? 0 : FlashFile.Read(caPath, ca);
                if (caLength == 0)
                {
                    s.Problem = "mqtt.tls=1 needs mqtt.ca naming a certificate file on I:";
                }
                else
                {
                    s.CaCertificate = new byte[caLength];
                    Array.Copy(ca, s.CaCertificate, caLength);
                }
            }

            return s;
        }

        /// <summary>Decodes UTF-8 (one- to three-byte sequences: an SSID or password may have accents); a malformed byte becomes '?'.</summary>
        private static string Utf8(byte[] bytes, int length)
        {
            char[] chars = new char[length];
            int n = 0;
            for (int i = 0; i < length; i++)
            {
                int b = bytes[i];
                if (b < 0x80)
                {
                    chars[n++] = (char)b;
                }
                else if ((b & 0xE0) == 0xC0 && i + 1 < length)
                {
                    chars[n++] = (char)(((b & 0x1F) << 6) | (bytes[i + 1] & 0x3F));
                    i++;
                }
                else if ((b & 0xF0) == 0xE0 && i + 2 < length)
                {
                    chars[n++] = (char)(((b & 0x0F) << 12) | ((bytes[i + 1] & 0x3F) << 6) | (bytes[i + 2] & 0x3F));
                    i += 2;
                }
                else
                {
                    chars[n++] = '?';
                }
            }

            return new string(chars, 0, n);
        }
    }
}
