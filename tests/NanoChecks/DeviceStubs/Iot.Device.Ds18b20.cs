// Declarations only: the members of nanoFramework.Iot.Device.Ds18b20 1.0.840 that the firmware uses,
// with the package's namespaces and signatures. Bodies throw. Never shipped: see README.md.
using System;
using nanoFramework.Device.OneWire;

namespace Iot.Device.Ds18b20
{
    public enum TemperatureResolution : byte
    {
        VeryLow = 0x00,
        Low = 0x01,
        High = 0x02,
        VeryHigh = 0x03,
    }

    public class Ds18b20
    {
        public Ds18b20(OneWireHost oneWireHost, byte[] deviceAddress = null, bool manyDevicesConnected = false, TemperatureResolution temperatureResolution = TemperatureResolution.VeryHigh) => throw new NotImplementedException();

        public TemperatureResolution TemperatureResolution
        {
            get => throw new NotImplementedException();
            set => throw new NotImplementedException();
        }

        public bool ConfigurationRead(bool restoreRegisterFromEEPROM = false) => throw new NotImplementedException();

        public void ConfigurationWrite(bool writeToEEPROM = false) => throw new NotImplementedException();
    }
}
