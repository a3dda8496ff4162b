using System.Diagnostics;
using System.Text;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace HeatPump.Simulator.Bench;

/// <summary>
/// Runs the live bench on a terminal: the alternate screen, no cursor, keys read without echo,
/// simulated time paced against the wall clock at the chosen speed, the view redrawn ten times a
/// second in place. Whatever ends it — q, Ctrl-C, an exception — the terminal gets its normal
/// screen and its cursor back.
/// </summary>
public static class BenchScreen
{
    private const int FrameMs = 100;
    private const long MessageShowMs = 6000;
    private const string EnterAlternate = "\u001b[?1049h\u001b[?25l\u001b[H\u001b[2J";
    private const string LeaveAlternate = "\u001b[?25h\u001b[?1049l";

    /// <summary>Runs until the user quits; returns the exit code.</summary>
    public static int Run(BenchSession s, BenchControls c, ColorSystem colours)
    {
        TextWriter stdout = Console.Out;
        Console.OutputEncoding = Encoding.UTF8;
        bool quitSignal = false;
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            quitSignal = true;
        };
        Console.CancelKeyPress += onCancel;
        bool treatCtrlC = Console.TreatControlCAsInput;
        Console.TreatControlCAsInput = true;
        stdout.Write(EnterAlternate);
        stdout.Flush();
        try
        {
            var wall = Stopwatch.StartNew();
            double simTargetMs = s.NowMs;
            long lastWallMs = 0;
            int shownSerial = -1;
            long messageSinceMs = 0;
            while (!c.Quit && !quitSignal)
            {
                while (Console.KeyAvailable && !c.Quit)
                {
                    c.Handle(Console.ReadKey(intercept: true), s);
                }

                long nowWall = wall.ElapsedMilliseconds;
                if (c.MessageSerial != shownSerial)
                {
                    shownSerial = c.MessageSerial;
                    messageSinceMs = nowWall;
                }

                double dtWall = nowWall - lastWallMs;
                lastWallMs = nowWall;
                if (c.Paused)
                {
                    simTargetMs = s.NowMs;
                }
                else
                {
                    simTargetMs += dtWall * c.Speed;
                    if (!c.Advance(s, (long)simTargetMs)) simTargetMs = s.NowMs;
                }

                bool blinkOn = nowWall / 500 % 2 == 0;
                Draw(stdout, BenchView.Render(s, c, nowWall - messageSinceMs < MessageShowMs, blinkOn, Width(), Height()), colours);
                long spent = wall.ElapsedMilliseconds - nowWall;
                if (spent < FrameMs) Thread.Sleep((int)(FrameMs - spent));
            }

            return 0;
        }
        finally
        {
            stdout.Write(LeaveAlternate);
            stdout.Flush();
            Console.TreatControlCAsInput = treatCtrlC;
            Console.CancelKeyPress -= onCancel;
        }
    }

    /// <summary>The view as ANSI text, one string per terminal row (also used to record the screenshot).</summary>
    public static string[] Frame(IRenderable view, int width, int height, ColorSystem colours)
    {
        var text = new StringWriter();
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.Yes,
            ColorSystem = (ColorSystemSupport)colours,
            Out = new AnsiConsoleOutput(text),
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = width;
        console.Profile.Height = height;
        console.Profile.Capabilities.Unicode = true;
        console.Write(view);
        string[] lines = text.ToString().Replace("\r\n", "\n").TrimEnd('\n').Split('\n');
        return lines.Length > height ? lines[..height] : lines;
    }

    private static void Draw(TextWriter stdout, IRenderable view, ColorSystem colours)
    {
        int width = Width(), height = Height();
        string[] lines = Frame(view, width, height, colours);
        var sb = new StringBuilder("\u001b[H");
        for (int i = 0; i < lines.Length; i++)
        {
            sb.Append(lines[i]).Append("\u001b[0m\u001b[K");
            if (i < lines.Length - 1) sb.Append("\r\n");
        }

        sb.Append("\u001b[J");
        stdout.Write(sb.ToString());
        stdout.Flush();
    }

    private static int Width()
    {
        try
        {
            return Math.Max(20, Console.WindowWidth);
        }
        catch (IOException)
        {
            return BenchView.FullWidth;
        }
    }

    private static int Height()
    {
        try
        {
            return Math.Max(6, Console.WindowHeight);
        }
        catch (IOException)
        {
            return BenchView.FullHeight;
        }
    }
}
