using System.Reflection;
using System.Runtime.InteropServices;

[assembly: AssemblyTitle("HeatPump.Firmware")]
[assembly: AssemblyDescription("Heat pump controller firmware for ESP32 on .NET nanoFramework")]
[assembly: AssemblyProduct("HeatPump.Firmware")]
[assembly: ComVisible(false)]
[assembly: AssemblyVersion("1.0.0.0")]
