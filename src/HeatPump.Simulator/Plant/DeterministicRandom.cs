namespace HeatPump.Simulator.Plant;

/// <summary>
/// A small seeded generator (SplitMix64) so that weather and sensor noise are the same on every
/// machine and every .NET version: System.Random's seeded sequence is an implementation detail.
/// A struct with no allocation, so the per-step sensor code can draw from it freely.
/// </summary>
public struct DeterministicRandom
{
    private ulong _state;

    /// <summary>A generator whose sequence is fixed by <paramref name="seed"/> and <paramref name="stream"/>.</summary>
    /// <param name="seed">The run's seed.</param>
    /// <param name="stream">Separates independent sequences drawn from one seed (one per sensor, per climate feature).</param>
    public DeterministicRandom(int seed, ulong stream = 0)
    {
        _state = unchecked((ulong)(uint)seed * 0x9E3779B97F4A7C15UL + stream * 0xD1B54A32D192ED03UL + 0x2545F4914F6CDD1DUL);
        NextULong();
    }

    /// <summary>The next 64 random bits.</summary>
    public ulong NextULong()
    {
        unchecked
        {
            ulong z = _state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextULong() >> 11) * (1.0 / 9007199254740992.0);

    /// <summary>Uniform in [<paramref name="min"/>, <paramref name="max"/>).</summary>
    public double Uniform(double min, double max) => min + (max - min) * NextDouble();

    /// <summary>
    /// Approximately standard normal: the sum of four 16-bit uniforms cut from one 64-bit draw,
    /// rescaled to unit variance (Irwin–Hall). Cheap (no log or trigonometry) and bounded at
    /// ±3.46, which suits sensor noise that never runs away.
    /// </summary>
    public double NextGaussian()
    {
        ulong bits = NextULong();
        double sum = (bits & 0xFFFF) + ((bits >> 16) & 0xFFFF) + ((bits >> 32) & 0xFFFF) + (bits >> 48) + 2.0;
        return (sum * (1.0 / 65536.0) - 2.0) * 1.7320508075688772;
    }
}
