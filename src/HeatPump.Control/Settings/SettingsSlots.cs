namespace HeatPump.Control.Settings
{
    /// <summary>
    /// The two-slot scheme that keeps the last good settings through a power cut mid-write: each
    /// write goes to the slot that does <em>not</em> hold the newest valid record, with a sequence
    /// number one higher, so a torn write can only spoil the slot that held the older copy.
    /// At power-up the newest valid record wins. Pure logic over the slots' checks; the
    /// <see cref="SlotPersister"/> reads and writes them.
    /// </summary>
    public sealed class SettingsSlots
    {
        /// <summary>Number of flash slots.</summary>
        public const int SlotCount = 2;

        /// <summary>Value of <see cref="NewestSlot"/> when neither slot holds a valid record.</summary>
        public const int NoSlot = -1;

        /// <summary>Creates the choice for two empty slots.</summary>
        public SettingsSlots()
        {
            Check0 = RecordCheck.Empty;
            Check1 = RecordCheck.Empty;
            NewestSlot = NoSlot;
        }

        /// <summary>What slot 0 held at the last <see cref="ChooseChecked"/>.</summary>
        public RecordCheck Check0 { get; private set; }

        /// <summary>What slot 1 held at the last <see cref="ChooseChecked"/>.</summary>
        public RecordCheck Check1 { get; private set; }

        /// <summary>The slot with the newest valid record, or <see cref="NoSlot"/>.</summary>
        public int NewestSlot { get; private set; }

        /// <summary>Sequence number of the newest valid record (0 when there is none).</summary>
        public uint NewestSequence { get; private set; }

        /// <summary>The slot the next write goes to: never the one holding the newest valid record.</summary>
        public int NextSlot
        {
            get { return NewestSlot == 0 ? 1 : 0; }
        }

        /// <summary>Sequence number for the next write: one past the newest (wrapping), or 1 when there is none.</summary>
        public uint NextSequence
        {
            get { return NewestSlot == NoSlot ? 1u : unchecked(NewestSequence + 1u); }
        }

        /// <summary>
        /// True when neither slot holds a valid record but at least one holds something: the settings
        /// were lost and defaults are in use, which the display shows as a settings fault. Two empty
        /// slots (a new board) are not a fault.
        /// </summary>
        public bool SettingsFault
        {
            get { return NewestSlot == NoSlot && (Check0 != RecordCheck.Empty || Check1 != RecordCheck.Empty); }
        }

        /// <summary>
        /// True when sequence <paramref name="a"/> was written after <paramref name="b"/>. Serial number
        /// arithmetic: the difference is read as signed, so 0 follows 0xFFFFFFFF and the counter may wrap.
        /// </summary>
        public static bool IsNewer(uint a, uint b)
        {
            return unchecked((int)(a - b)) > 0;
        }

        /// <summary>
        /// Picks the newest valid record from both slots' checks and sequence numbers (slot 0 on a tie):
        /// the same choice for any record kept in two slots (<see cref="SlotPersister"/>). Allocates nothing.
        /// </summary>
        public void ChooseChecked(RecordCheck check0, uint seq0, RecordCheck check1, uint seq1)
        {
            Check0 = check0;
            Check1 = check1;
            bool ok0 = Check0 == RecordCheck.Ok;
            bool ok1 = Check1 == RecordCheck.Ok;
            if (ok1 && (!ok0 || IsNewer(seq1, seq0)))
            {
                NewestSlot = 1;
                NewestSequence = seq1;
            }
            else if (ok0)
            {
                NewestSlot = 0;
                NewestSequence = seq0;
            }
            else
            {
                NewestSlot = NoSlot;
                NewestSequence = 0;
            }
        }

        /// <summary>Notes that <paramref name="slot"/> now holds a verified record with <paramref name="sequence"/>: it becomes the newest.</summary>
        public void Written(int slot, uint sequence)
        {
            if (slot == 0)
            {
                Check0 = RecordCheck.Ok;
            }
            else
            {
                Check1 = RecordCheck.Ok;
            }

            NewestSlot = slot;
            NewestSequence = sequence;
        }
    }
}
