using HeatPump.Simulator.Board;
using HeatPump.Control.Board;
using Xunit;

namespace HeatPump.Board.Tests;

/// <summary>1-Wire transactions in slices, at ESP32's cost per byte (1.6 ms) and per reset (11.5 ms).</summary>
public class TransactionTests
{
    private readonly SimClock _clock = new();
    private readonly SimulatedOneWireBus _bus;
    private readonly Ds18b20Model _sensor = new(0x11, 21.5);
    private readonly OneWireTransaction _tx = new();

    public TransactionTests()
    {
        _bus = new SimulatedOneWireBus(_clock);
        _bus.Devices.Add(_sensor);
    }

    [Fact]
    public void A_match_rom_scratchpad_read_runs_in_three_slices_none_longer_than_17_ms()
    {
        _sensor.StartConversion(_clock.Ms);
        _clock.Advance(800);
        Ds18b20Commands.QueueReadScratchpad(_tx, _sensor.Rom, 0);
        List<double> slices = new();
        bool done;
        do
        {
            double start = _clock.Ms;
            done = _tx.RunSlice(_bus, _clock);
            slices.Add(_clock.Ms - start);
        }
        while (!done);

        Assert.Equal(TransactionState.Done, _tx.State);
        Assert.Equal(3, slices.Count);
        Assert.All(slices, ms => Assert.True(ms <= 16.4, $"slice took {ms} ms"));
        // The whole read costs what the calculation says: a reset and 19 bytes, about 41.9 ms.
        Assert.Equal(11.5 + (19 * 1.6), slices.Sum(), 3);
        Assert.Equal(SampleStatusOk, Scratchpad.Decode(_tx.Received, out short s));
        Assert.Equal(21.5, s / 16.0);
    }

    [Fact]
    public void No_presence_pulse_ends_the_transaction_at_the_reset()
    {
        _sensor.Present = false;
        Ds18b20Commands.QueueReadScratchpad(_tx, _sensor.Rom, 0);
        Assert.True(_tx.RunSlice(_bus, _clock));
        Assert.Equal(TransactionState.NoPresence, _tx.State);
        Assert.Equal(0, _bus.Bytes);
    }

    [Fact]
    public void A_slice_that_outruns_its_budget_is_abandoned_as_slow()
    {
        _sensor.ExtraMsPerByte = 3;
        Ds18b20Commands.QueueReadScratchpad(_tx, _sensor.Rom, 0);
        bool done = false;
        for (int i = 0; i < 5 && !done; i++)
        {
            done = _tx.RunSlice(_bus, _clock);
        }

        Assert.Equal(TransactionState.Slow, _tx.State);
    }

    [Fact]
    public void A_driver_exception_ends_the_transaction_as_failed_instead_of_escaping()
    {
        _bus.DriverThrows = true;
        Ds18b20Commands.QueueConvertAll(_tx);
        Assert.True(_tx.RunSlice(_bus, _clock));
        Assert.Equal(TransactionState.Failed, _tx.State);
    }

    private const HeatPump.Control.Sensors.SampleStatus SampleStatusOk = HeatPump.Control.Sensors.SampleStatus.Ok;
}
