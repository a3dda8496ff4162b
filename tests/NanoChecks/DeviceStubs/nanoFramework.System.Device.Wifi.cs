// Declarations for the firmware type-check only (see README.md): nanoFramework.System.Device.Wifi
// 1.5.147, checked against nanoframework/System.Device.Wifi at tag v1.5.147:
// System.Device.Wifi/NetworkHelper/WifiNetworkHelper.cs (ConnectDhcp), WifiReconnectionKind.cs.
using System;
using System.Device.Wifi;
using System.Threading;

namespace System.Device.Wifi
{
    public enum WifiReconnectionKind
    {
        Automatic,
        Manual,
    }
}

namespace nanoFramework.Networking
{
    public static class WifiNetworkHelper
    {
        public static bool ConnectDhcp(string ssid, string password, WifiReconnectionKind reconnectionKind = WifiReconnectionKind.Automatic,
            bool requiresDateTime = false, int wifiAdapterId = 0, CancellationToken token = default(CancellationToken))
        {
            throw new NotImplementedException();
        }
    }
}
