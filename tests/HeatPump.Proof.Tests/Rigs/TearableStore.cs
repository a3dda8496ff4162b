using HeatPump.Control.Hal;

namespace HeatPump.Proof.Tests;

/// <summary>What a power cut leaves in the bytes of a slot after the first k bytes of a write.</summary>
public enum TearKind
{
    /// <summary>A file system that had written k bytes: the slot holds a k-byte file.</summary>
    Truncated,
    /// <summary>Raw flash erased before programming: the rest of the record reads 0xFF.</summary>
    Erased,
    /// <summary>Programmed in place over the old record: the rest is the old record's bytes.</summary>
    OldTail,
    /// <summary>The rest is noise (a brown-out scribbling while the supply collapses).</summary>
    Garbage,
}

/// <summary>
/// Two settings slots in memory that can lose power at any byte of a write. When a cut is armed,
/// the next write keeps only its first <see cref="CutAt"/> bytes (the rest per <see cref="Tear"/>) and
/// sets <see cref="PowerLost"/>: the board is dead from that instant, and the test reboots it.
/// </summary>
public sealed class TearableStore : ISettingsStore
{
    public const int Capacity = 256;

    public readonly byte[][] Slot = { Erased(), Erased() };
    public readonly int[] Length = new int[2];

    /// <summary>Writes that reached the store (completed or torn).</summary>
    public int Writes;

    /// <summary>When ≥ 0, the next write is cut after this many bytes.</summary>
    public int CutAt = -1;

    /// <summary>What the torn slot holds past the cut.</summary>
    public TearKind Tear;

    /// <summary>Seed for <see cref="TearKind.Garbage"/>.</summary>
    public int GarbageSeed;

    /// <summary>Set by a torn write: nothing after it ran on the board.</summary>
    public bool PowerLost;

    /// <summary>The slot the torn write went to, or −1.</summary>
    public int TornSlot = -1;

    public int ReadSlot(int slot, byte[] buffer)
    {
        int n = Math.Min(Length[slot], buffer.Length);
        Array.Copy(Slot[slot], buffer, n);
        return n;
    }

    public void WriteSlot(int slot, byte[] record, int length)
    {
        if (PowerLost)
        {
            // The board is dead: a real store would never see this call.
            return;
        }

        Writes++;
        if (CutAt < 0)
        {
            Array.Copy(record, Slot[slot], length);
            Length[slot] = length;
            return;
        }

        int k = Math.Min(CutAt, length);
        CutAt = -1;
        PowerLost = true;
        TornSlot = slot;
        byte[] target = Slot[slot];
        switch (Tear)
        {
            case TearKind.Truncated:
                Array.Copy(record, target, k);
                Length[slot] = k;
                break;
            case TearKind.Erased:
                Array.Copy(record, target, k);
                Array.Fill(target, (byte)0xFF, k, length - k);
                Length[slot] = length;
                break;
            case TearKind.OldTail:
                Array.Copy(record, target, k);
                Length[slot] = Math.Max(Length[slot], length);
                break;
            default:
                Array.Copy(record, target, k);
                var rnd = new Random(GarbageSeed);
                for (int i = k; i < length; i++)
                {
                    target[i] = (byte)rnd.Next(256);
                }

                Length[slot] = length;
                break;
        }
    }

    /// <summary>Both slots' bytes, for comparing before and after.</summary>
    public TearableStore Clone()
    {
        var c = new TearableStore();
        for (int s = 0; s < 2; s++)
        {
            Array.Copy(Slot[s], c.Slot[s], Capacity);
            c.Length[s] = Length[s];
        }

        return c;
    }

    private static byte[] Erased()
    {
        var b = new byte[Capacity];
        Array.Fill(b, (byte)0xFF);
        return b;
    }
}
