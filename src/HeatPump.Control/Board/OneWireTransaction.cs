using System;
using HeatPump.Control.Hal;

namespace HeatPump.Control.Board
{
    /// <summary>
    /// One 1-Wire transaction (reset, bytes written, bytes read) run in slices, a slice per tick.
    /// On ESP32 nanoCLR's OneWireHost makes one blocking UART round trip per byte, each waiting out
    /// the receive idle timeout: about 1.6 ms per byte and 11.5 ms per reset (calculated,
    /// docs/safety.md). A Match-ROM scratchpad read is a reset and 19 bytes, about 41 ms: too long for
    /// one tick. The bus itself allows any pause between time slots (the line idles high and the
    /// devices wait), so the transaction stops after <see cref="SliceUnits"/> units and goes on in the
    /// next tick. Allocates nothing after construction.
    /// </summary>
    public sealed class OneWireTransaction
    {
        /// <summary>Cost of one byte in slice units (one unit ≈ 1.6 ms on ESP32).</summary>
        public const int ByteUnits = 1;

        /// <summary>Cost of a reset in slice units (≈ 11.5 ms: the reset runs at 9600 baud).</summary>
        public const int ResetUnits = 7;

        /// <summary>Units one slice may use: a reset and three bytes, or ten bytes, ≈ 16 ms.</summary>
        public const int SliceUnits = 10;

        /// <summary>
        /// A slice that takes longer than this is abandoned: on a healthy bus a slice costs about
        /// 16 ms; a broken one makes each byte wait for its UART timeout.
        /// </summary>
        public const long SliceBudgetMs = 25;

        /// <summary>Operations a transaction can hold (a Match-ROM write scratchpad is 13 bytes and a reset).</summary>
        public const int MaxOperations = 24;

        private const byte OpReset = 1;
        private const byte OpWrite = 2;
        private const byte OpRead = 3;

        private readonly byte[] _ops = new byte[MaxOperations];
        private readonly byte[] _values = new byte[MaxOperations];
        private readonly byte[] _received = new byte[MaxOperations];
        private int _count;
        private int _next;
        private int _receivedCount;

        /// <summary>Where the transaction stands.</summary>
        public TransactionState State { get; private set; }

        /// <summary>The bytes read so far, in order.</summary>
        public byte[] Received
        {
            get { return _received; }
        }

        /// <summary>How many bytes <see cref="Received"/> holds.</summary>
        public int ReceivedCount
        {
            get { return _receivedCount; }
        }

        /// <summary>Slices run since <see cref="Begin"/>.</summary>
        public int Slices { get; private set; }

        /// <summary>True while queued or part-way through.</summary>
        public bool Running
        {
            get { return State == TransactionState.Running; }
        }

        /// <summary>Empties the transaction; queue operations, then call <see cref="RunSlice"/> once per tick.</summary>
        public void Begin()
        {
            _count = 0;
            _next = 0;
            _receivedCount = 0;
            Slices = 0;
            State = TransactionState.Running;
        }

        /// <summary>Queues a reset (the transaction ends with <see cref="TransactionState.NoPresence"/> if nobody answers).</summary>
        public void Reset()
        {
            Add(OpReset, 0);
        }

        /// <summary>Queues one byte to write.</summary>
        public void Write(byte value)
        {
            Add(OpWrite, value);
        }

        /// <summary>Queues the 8 bytes of the ROM code at <paramref name="at"/>.</summary>
        public void WriteRom(byte[] rom, int at)
        {
            for (int i = 0; i < RomCode.Length; i++)
            {
                Add(OpWrite, rom[at + i]);
            }
        }

        /// <summary>Queues <paramref name="count"/> bytes to read.</summary>
        public void Read(int count)
        {
            for (int i = 0; i < count; i++)
            {
                Add(OpRead, 0);
            }
        }

        /// <summary>
        /// Runs the next slice: operations in order until the next one would take the slice past
        /// <see cref="SliceUnits"/> (at least one runs). Returns true when the transaction has ended,
        /// in any <see cref="State"/> but Running.
        /// </summary>
        public bool RunSlice(IOneWireBus bus, IMonotonicClock clock)
        {
            if (State != TransactionState.Running)
            {
                return true;
            }

            Slices++;
            long start = clock.NowMs;
            int used = 0;
            try
            {
                while (_next < _count)
                {
                    int cost = _ops[_next] == OpReset ? ResetUnits : ByteUnits;
                    if (used > 0 && used + cost > SliceUnits)
                    {
                        return false;
                    }

                    used += cost;
                    byte op = _ops[_next];
                    if (op == OpReset)
                    {
                        if (!bus.Reset())
                        {
                            State = TransactionState.NoPresence;
                            return true;
                        }
                    }
                    else if (op == OpWrite)
                    {
                        bus.WriteByte(_values[_next]);
                    }
                    else
                    {
                        _received[_receivedCount++] = bus.ReadByte();
                    }

                    _next++;
                    if (clock.NowMs - start > SliceBudgetMs)
                    {
                        State = TransactionState.Slow;
                        return true;
                    }
                }
            }
            catch (Exception)
            {
                // A driver error is a sensor problem, never a reason to stop the controller.
                State = TransactionState.Failed;
                return true;
            }

            State = TransactionState.Done;
            return true;
        }

        private void Add(byte op, byte value)
        {
            if (_count >= MaxOperations)
            {
                throw new InvalidOperationException("1-Wire transaction longer than MaxOperations");
            }

            _ops[_count] = op;
            _values[_count] = value;
            _count++;
        }
    }
}
