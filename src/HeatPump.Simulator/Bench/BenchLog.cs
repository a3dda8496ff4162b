namespace HeatPump.Simulator.Bench;

/// <summary>
/// The serial log as the bench's board would write it: every line kept in a bounded ring for the
/// view, and each one also written to a file when one was given (the whole lines, which a terminal
/// is too narrow to show).
/// </summary>
public sealed class BenchLog : IDisposable
{
    /// <summary>Lines kept in memory.</summary>
    public const int Capacity = 400;

    private readonly LinkedList<string> _lines = new();
    private readonly TextWriter? _file;

    /// <summary>A log kept in memory, and copied to <paramref name="file"/> when not null.</summary>
    public BenchLog(TextWriter? file = null)
    {
        _file = file;
    }

    /// <summary>Lines written since the start (also those no longer kept).</summary>
    public long Written { get; private set; }

    /// <summary>Raised for every line written.</summary>
    public event Action<string>? LineWritten;

    /// <summary>Appends one line.</summary>
    public void Write(string line)
    {
        LineWritten?.Invoke(line);
        _lines.AddLast(line);
        if (_lines.Count > Capacity) _lines.RemoveFirst();
        Written++;
        _file?.WriteLine(line);
    }

    /// <summary>The last <paramref name="count"/> kept lines whose kind is not <paramref name="skipKind"/> (e.g. "STS"), oldest first.</summary>
    public List<string> Last(int count, string? skipKind = null)
    {
        var picked = new List<string>(count);
        string? skip = skipKind == null ? null : " " + skipKind + " ";
        for (var node = _lines.Last; node != null && picked.Count < count; node = node.Previous)
        {
            if (skip == null || !node.Value.Contains(skip, StringComparison.Ordinal)) picked.Add(node.Value);
        }

        picked.Reverse();
        return picked;
    }

    /// <summary>Every kept line, oldest first.</summary>
    public IEnumerable<string> All => _lines;

    /// <inheritdoc />
    public void Dispose() => _file?.Dispose();
}
