#:package SkiaSharp@3.119.0
#:package SkiaSharp.NativeAssets.Linux.NoDependencies@3.119.0

// Renders a terminal capture with colours (tmux capture-pane -e -p) to a PNG, cell by cell, so the
// bench's screenshot in docs/ is what the terminal showed. Usage:
//   tmux capture-pane -t bench -e -p > bench.ansi
//   dotnet run docs/tools/AnsiToPng.cs -- bench.ansi docs/bench.png [columns rows]
// Understands the SGR sequences a terminal capture holds: reset, bold, dim, reverse, the 16
// colours, 256-colour and 24-bit colours. Every character takes one cell.

using System.Text;
using SkiaSharp;

if (args.Length < 2)
{
    Console.Error.WriteLine("usage: AnsiToPng.cs CAPTURE.ansi OUT.png [columns rows]");
    return 2;
}

string[] lines = File.ReadAllText(args[0], Encoding.UTF8).Replace("\r", "").TrimEnd('\n').Split('\n');
int columns = args.Length > 2 ? int.Parse(args[2]) : 80;
int rows = args.Length > 3 ? int.Parse(args[3]) : Math.Max(lines.Length, 24);

var defaultFg = new SKColor(0xd0, 0xd0, 0xd0);
var defaultBg = new SKColor(0x12, 0x12, 0x16);
var cells = new Cell[rows, columns];
for (int r = 0; r < rows; r++)
{
    for (int c = 0; c < columns; c++) cells[r, c] = new Cell(' ', defaultFg, defaultBg, false);
}

// tmux writes the capture as one stream: an attribute set on one line holds on the next until changed.
var pen = new Pen(defaultFg, defaultBg);
for (int r = 0; r < Math.Min(rows, lines.Length); r++)
{
    string line = lines[r];
    int col = 0;
    for (int i = 0; i < line.Length; i++)
    {
        char ch = line[i];
        if (ch == '\u001b' && i + 1 < line.Length && line[i + 1] == '[')
        {
            int end = i + 2;
            while (end < line.Length && !(line[end] >= '@' && line[end] <= '~')) end++;
            if (end < line.Length && line[end] == 'm') pen.Apply(line.Substring(i + 2, end - i - 2), defaultFg, defaultBg);
            i = end;
            continue;
        }

        if (col < columns) cells[r, col] = pen.Cell(ch);
        col++;
    }
}

const float fontSize = 17f;
using var regular = SKTypeface.FromFamilyName("DejaVu Sans Mono") ?? SKTypeface.Default;
using var bold = SKTypeface.FromFamilyName("DejaVu Sans Mono", SKFontStyle.Bold) ?? regular;
using var font = new SKFont(regular, fontSize);
using var boldFont = new SKFont(bold, fontSize);
float cellW = font.MeasureText("M");
float cellH = (float)Math.Ceiling(font.Spacing);
float baseline = -font.Metrics.Ascent + (cellH - (font.Metrics.Descent - font.Metrics.Ascent)) / 2f;
const int margin = 14;

var info = new SKImageInfo((int)Math.Ceiling(columns * cellW) + 2 * margin, (int)Math.Ceiling(rows * cellH) + 2 * margin);
using var surface = SKSurface.Create(info);
SKCanvas canvas = surface.Canvas;
canvas.Clear(defaultBg);
using var fill = new SKPaint { IsAntialias = false };
using var ink = new SKPaint { IsAntialias = true };
for (int r = 0; r < rows; r++)
{
    for (int c = 0; c < columns; c++)
    {
        Cell cell = cells[r, c];
        float x = margin + c * cellW, y = margin + r * cellH;
        fill.Color = cell.Bg;
        canvas.DrawRect(x, y, cellW + 0.5f, cellH + 0.5f, fill);
        if (cell.Ch == ' ') continue;
        ink.Color = cell.Fg;
        if (!DrawBox(canvas, cell.Ch, x, y, cellW, cellH, ink))
        {
            canvas.DrawText(cell.Ch.ToString(), x, y + baseline, cell.Bold ? boldFont : font, ink);
        }
    }
}

using SKImage image = surface.Snapshot();
using SKData png = image.Encode(SKEncodedImageFormat.Png, 100);
using (FileStream output = File.Create(args[1])) png.SaveTo(output);
Console.WriteLine("wrote " + args[1] + " (" + info.Width + "×" + info.Height + ")");
return 0;

// Box-drawing lines drawn as strokes through the cell, so borders join without gaps between rows.
static bool DrawBox(SKCanvas canvas, char ch, float x, float y, float w, float h, SKPaint ink)
{
    bool up, down, left, right;
    float weight = 1.3f;
    switch (ch)
    {
        case '─': (up, down, left, right) = (false, false, true, true); break;
        case '│': (up, down, left, right) = (true, true, false, false); break;
        case '━': (up, down, left, right) = (false, false, true, true); weight = 3.5f; break;
        case '┃': (up, down, left, right) = (true, true, false, false); weight = 3.5f; break;
        case '╭': case '┌': (up, down, left, right) = (false, true, false, true); break;
        case '╮': case '┐': (up, down, left, right) = (false, true, true, false); break;
        case '╰': case '└': (up, down, left, right) = (true, false, false, true); break;
        case '╯': case '┘': (up, down, left, right) = (true, false, true, false); break;
        default: return false;
    }

    float cx = x + w / 2f, cy = y + h / 2f;
    using var stroke = new SKPaint { Color = ink.Color, StrokeWidth = weight, IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeCap = SKStrokeCap.Butt };
    if (ch is '━' or '┃')
    {
        // The display's segments: bars across the whole cell, verticals a little short of it, so
        // the segments of a digit join as on an LED display.
        if (left) canvas.DrawLine(x, cy, x + w, cy, stroke);
        else canvas.DrawLine(cx, y + 1f, cx, y + h - 1f, stroke);
        return true;
    }

    if (up) canvas.DrawLine(cx, y, cx, cy, stroke);
    if (down) canvas.DrawLine(cx, cy, cx, y + h, stroke);
    if (left) canvas.DrawLine(x, cy, cx, cy, stroke);
    if (right) canvas.DrawLine(cx, cy, x + w, cy, stroke);
    if ((up || down) && (left || right))
    {
        canvas.DrawCircle(cx, cy, weight / 2f, new SKPaint { Color = ink.Color, IsAntialias = true });
    }

    return true;
}

readonly record struct Cell(char Ch, SKColor Fg, SKColor Bg, bool Bold);

sealed class Pen(SKColor fg, SKColor bg)
{
    private static readonly SKColor[] Basic =
    {
        new(0x1c, 0x1c, 0x1c), new(0xcd, 0x31, 0x31), new(0x0d, 0xbc, 0x79), new(0xe5, 0xe5, 0x10),
        new(0x24, 0x72, 0xc8), new(0xbc, 0x3f, 0xbc), new(0x11, 0xa8, 0xcd), new(0xe5, 0xe5, 0xe5),
        new(0x66, 0x66, 0x66), new(0xf1, 0x4c, 0x4c), new(0x23, 0xd1, 0x8b), new(0xf5, 0xf5, 0x43),
        new(0x3b, 0x8e, 0xea), new(0xd6, 0x70, 0xd6), new(0x29, 0xb8, 0xdb), new(0xff, 0xff, 0xff),
    };

    private SKColor _fg = fg, _bg = bg;
    private bool _bold, _dim, _reverse;

    public Cell Cell(char ch)
    {
        SKColor f = _fg, b = _bg;
        if (_dim) f = new SKColor((byte)(f.Red * 0.6), (byte)(f.Green * 0.6), (byte)(f.Blue * 0.6));
        return _reverse ? new Cell(ch, b, f, _bold) : new Cell(ch, f, b, _bold);
    }

    public void Apply(string parameters, SKColor defaultFg, SKColor defaultBg)
    {
        string[] p = parameters.Length == 0 ? new[] { "0" } : parameters.Split(';');
        for (int i = 0; i < p.Length; i++)
        {
            int n = p[i].Length == 0 ? 0 : int.Parse(p[i]);
            switch (n)
            {
                case 0: _fg = defaultFg; _bg = defaultBg; _bold = _dim = _reverse = false; break;
                case 1: _bold = true; break;
                case 2: _dim = true; break;
                case 22: _bold = _dim = false; break;
                case 7: _reverse = true; break;
                case 27: _reverse = false; break;
                case >= 30 and <= 37: _fg = Basic[n - 30]; break;
                case >= 90 and <= 97: _fg = Basic[n - 90 + 8]; break;
                case >= 40 and <= 47: _bg = Basic[n - 40]; break;
                case >= 100 and <= 107: _bg = Basic[n - 100 + 8]; break;
                case 39: _fg = defaultFg; break;
                case 49: _bg = defaultBg; break;
                case 38 or 48:
                {
                    SKColor colour;
                    if (i + 2 < p.Length && p[i + 1] == "5") { colour = Indexed(int.Parse(p[i + 2])); i += 2; }
                    else if (i + 4 < p.Length && p[i + 1] == "2") { colour = new SKColor(byte.Parse(p[i + 2]), byte.Parse(p[i + 3]), byte.Parse(p[i + 4])); i += 4; }
                    else break;
                    if (n == 38) _fg = colour; else _bg = colour;
                    break;
                }
            }
        }
    }

    private static SKColor Indexed(int n)
    {
        if (n < 16) return Basic[n];
        if (n >= 232) { byte g = (byte)(8 + (n - 232) * 10); return new SKColor(g, g, g); }
        n -= 16;
        static byte Level(int v) => (byte)(v == 0 ? 0 : 55 + v * 40);
        return new SKColor(Level(n / 36), Level(n / 6 % 6), Level(n % 6));
    }
}
