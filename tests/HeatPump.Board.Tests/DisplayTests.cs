using HeatPump.Simulator.Board;
using HeatPump.Control.Board;
using HeatPump.Control;
using HeatPump.Control.FrontPanel;
using Xunit;

namespace HeatPump.Board.Tests;

/// <summary>The TM1637 driven through its pin model: what the chip ends up showing, and what each write costs.</summary>
public class DisplayTests
{
    private readonly SimClock _clock = new();
    private readonly Tm1637Model _chip;
    private readonly FakeLeds _leds;
    private readonly PanelDisplay _panel;

    public DisplayTests()
    {
        _chip = new Tm1637Model(_clock, _ => { });
        _leds = new FakeLeds(_clock);
        _panel = new PanelDisplay(_chip, _leds, _clock, 4);
    }

    [Fact]
    public void A_word_reaches_the_chip_digit_by_digit_with_every_byte_acknowledged()
    {
        Show("HEAt");
        int slices = 0;
        while (_panel.WriteSlice())
        {
            slices++;
        }

        Assert.Equal(5, slices); // mode and brightness, then four digits
        Assert.True(_chip.DisplayOn);
        Assert.Equal(4, _chip.Brightness);
        for (int i = 0; i < 4; i++)
        {
            Assert.Equal(SegmentFont.Encode("HEAt"[i]), _chip.Digits[i]);
        }

        Assert.Equal(0, _chip.ProtocolErrors);
        Assert.Equal(0, _panel.DisplayErrors);
        Assert.Equal(2 + 8, _chip.Acknowledged);
    }

    [Fact]
    public void Only_changed_digits_are_written_and_a_steady_display_costs_no_pin_calls()
    {
        Show("21.5");
        _panel.Flush();
        int calls = _chip.Calls;
        Show("21.5");
        Assert.False(_panel.Pending);
        Assert.False(_panel.WriteSlice());
        Assert.Equal(calls, _chip.Calls);

        Show("21.0");
        Assert.True(_panel.WriteSlice());
        Assert.False(_panel.WriteSlice());
        Assert.Equal(SegmentFont.Encode('0'), _chip.Digits[3]);
    }

    [Fact]
    public void One_digit_slice_costs_69_pin_calls_about_23_ms()
    {
        Show("0000");
        _panel.Flush();
        Show("0001");
        int calls = _chip.Calls;
        double start = _clock.Ms;
        _panel.WriteSlice();
        // The model charges a return from input to output as one call; the board makes two (SetPinMode, Write).
        Assert.Equal(67, _chip.Calls - calls);
        Assert.InRange(_clock.Ms - start, 22.0, 23.0);
    }

    [Fact]
    public void Bytes_with_bit_7_set_are_acknowledged_without_a_broken_frame()
    {
        DisplayModel model = new DisplayModel();
        "8888".CopyTo(0, model.Digits, 0, 4);
        model.Dots[0] = model.Dots[1] = model.Dots[2] = model.Dots[3] = true;
        _panel.Show(model);
        _panel.Flush();

        Assert.Equal(0x80 | SegmentFont.Encode('8'), _chip.Digits[2]);
        Assert.Equal(0, _chip.ProtocolErrors);
        Assert.Equal(0, _panel.DisplayErrors);
    }

    [Fact]
    public void A_missing_module_counts_display_errors_and_nothing_else_breaks()
    {
        _chip.Fitted = false;
        Show("boot");
        _panel.Flush();
        Assert.Equal(10, _panel.DisplayErrors);
    }

    [Fact]
    public void Leds_follow_the_model_and_blink_at_1_hz()
    {
        DisplayModel model = new DisplayModel { Heat = LedState.On, Fault = LedState.Blink };
        _panel.Show(model);
        Assert.True(_leds.On[0]);
        bool first = _leds.On[3];
        _clock.Advance(500);
        _panel.Show(model);
        Assert.NotEqual(first, _leds.On[3]);
        Assert.False(_leds.On[1]);
    }

    private void Show(string text)
    {
        DisplayModel model = new DisplayModel();
        text.CopyTo(0, model.Digits, 0, 4);
        _panel.Show(model);
    }
}
