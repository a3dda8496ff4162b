using HeatPump.Control.Sensors;

namespace HeatPump.Control.Board
{
    /// <summary>
    /// Which DS18B20 (by ROM code) plays which role: indoor, outdoor, coil, and the optional supply
    /// air (the commissioning run's temperature split, docs/commissioning.md). Kept in flash by
    /// <see cref="BindingRecord"/> and changed only by the learn procedure, so swapping two
    /// cables or adding a sensor can never silently change what the controller measures.
    /// </summary>
    public sealed class SensorBindings
    {
        /// <summary>Number of roles, <see cref="SensorRole"/> 0 to 3.</summary>
        public const int RoleCount = 4;

        /// <summary>The roles every board has; <see cref="SensorRole.Supply"/>, after them, is optional.</summary>
        public const int RequiredRoles = 3;

        private static readonly string[] RoleKeys = { "indoor", "outdoor", "coil", "supply" };

        private readonly byte[] _roms = new byte[RoleCount * RomCode.Length];
        private readonly BindingStatus[] _status = new BindingStatus[RoleCount];

        /// <summary>The ROM table, role by role (Indoor, Outdoor, Coil, Supply), 8 bytes each; zero = unbound.</summary>
        public byte[] Roms
        {
            get { return _roms; }
        }

        /// <summary>The role's name in the log: indoor, outdoor, coil, supply.</summary>
        public static string RoleKey(int role)
        {
            return RoleKeys[role];
        }

        /// <summary>Offset of <paramref name="role"/>'s ROM in <see cref="Roms"/>.</summary>
        public static int OffsetOf(SensorRole role)
        {
            return (int)role * RomCode.Length;
        }

        /// <summary>True when a sensor is bound to <paramref name="role"/>.</summary>
        public bool IsBound(SensorRole role)
        {
            return !RomCode.IsEmpty(_roms, OffsetOf(role));
        }

        /// <summary>The status found by the last <see cref="Classify"/>.</summary>
        public BindingStatus StatusOf(SensorRole role)
        {
            return _status[(int)role];
        }

        /// <summary>Binds <paramref name="role"/> to the ROM at <paramref name="at"/> in <paramref name="rom"/>.</summary>
        public void Bind(SensorRole role, byte[] rom, int at)
        {
            RomCode.Copy(rom, at, _roms, OffsetOf(role));
        }

        /// <summary>Leaves <paramref name="role"/> without a sensor.</summary>
        public void Unbind(SensorRole role)
        {
            RomCode.Clear(_roms, OffsetOf(role));
        }

        /// <summary>Copies every binding from <paramref name="other"/>.</summary>
        public void CopyFrom(SensorBindings other)
        {
            for (int i = 0; i < _roms.Length; i++)
            {
                _roms[i] = other._roms[i];
            }
        }

        /// <summary>
        /// Drops bindings that cannot be trusted: a ROM that is not a well-formed DS18B20 code, and a ROM
        /// bound to a second role (each sensor measures one place; the first role keeps it). Returns
        /// the number of bindings dropped.
        /// </summary>
        public int DropInvalid()
        {
            int dropped = 0;
            for (int r = 0; r < RoleCount; r++)
            {
                int at = r * RomCode.Length;
                if (RomCode.IsEmpty(_roms, at))
                {
                    continue;
                }

                bool duplicate = false;
                for (int earlier = 0; earlier < r; earlier++)
                {
                    duplicate |= RomCode.Same(_roms, earlier * RomCode.Length, _roms, at);
                }

                if (duplicate || !RomCode.IsDs18b20(_roms, at))
                {
                    RomCode.Clear(_roms, at);
                    dropped++;
                }
            }

            return dropped;
        }

        /// <summary>Sets each role's status from the ROMs a bus search found.</summary>
        public void Classify(BusSearch found)
        {
            for (int r = 0; r < RoleCount; r++)
            {
                int at = r * RomCode.Length;
                if (RomCode.IsEmpty(_roms, at))
                {
                    _status[r] = BindingStatus.Unbound;
                }
                else
                {
                    _status[r] = found.IndexOf(_roms, at) >= 0 ? BindingStatus.Present : BindingStatus.Missing;
                }
            }
        }

        /// <summary>The role bound to the ROM at <paramref name="at"/>, or -1 when it is bound to none.</summary>
        public int RoleOf(byte[] rom, int at)
        {
            for (int r = 0; r < RoleCount; r++)
            {
                if (RomCode.Same(_roms, r * RomCode.Length, rom, at))
                {
                    return r;
                }
            }

            return -1;
        }
    }
}
