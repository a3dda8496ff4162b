using System;
using HeatPump.Control.Hal;

namespace HeatPump.Control.Board
{
    /// <summary>How a <see cref="OneWireTransaction"/> stands.</summary>
    public enum TransactionState
    {
        /// <summary>Nothing queued.</summary>
        Idle = 0,
        /// <summary>Queued or part-way through: more slices to run.</summary>
        Running,
        /// <summary>Every operation ran; the bytes read are in <see cref="OneWireTransaction.Received"/>.</summary>
        Done,
        /// <summary>A reset found no presence pulse: nobody on the bus answered.</summary>
        NoPresence,
        /// <summary>A slice took longer than <see cref="OneWireTransaction.SliceBudgetMs"/>: the bus is broken (RX not joined to TX, timeouts).</summary>
        Slow,
        /// <summary>The 1-Wire driver threw.</summary>
        Failed,
    }
}
