namespace HeatPump.Control.Remote
{
    /// <summary>
    /// A fixed byte buffer that MQTT payloads are written into as ASCII/UTF-8 without allocating:
    /// numbers are formatted digit by digit, text is copied character by character. Writing past the
    /// capacity sets <see cref="Overflowed"/> and drops the rest, so a too-small buffer shows up in
    /// tests instead of corrupting memory or allocating on the board.
    /// </summary>
    public sealed class PayloadBuffer
    {
        private readonly byte[] _bytes;

        /// <summary>Creates a buffer that holds <paramref name="capacity"/> bytes.</summary>
        public PayloadBuffer(int capacity)
        {
            _bytes = new byte[capacity];
        }

        /// <summary>The bytes; only the first <see cref="Length"/> are the payload.</summary>
        public byte[] Bytes
        {
            get { return _bytes; }
        }

        /// <summary>Bytes written.</summary>
        public int Length { get; private set; }

        /// <summary>True when something did not fit since the last <see cref="Clear"/>.</summary>
        public bool Overflowed { get; private set; }

        /// <summary>Empties the buffer.</summary>
        public void Clear()
        {
            Length = 0;
            Overflowed = false;
        }

        /// <summary>Replaces the contents with <paramref name="count"/> bytes of <paramref name="source"/> from <paramref name="offset"/>; what does not fit is dropped and flagged.</summary>
        public void CopyFrom(byte[] source, int offset, int count)
        {
            Clear();
            for (int i = 0; i < count; i++)
            {
                Byte(source[offset + i]);
            }
        }

        /// <summary>Replaces the contents with those of <paramref name="other"/>.</summary>
        public void CopyFrom(PayloadBuffer other)
        {
            CopyFrom(other._bytes, 0, other.Length);
            if (other.Overflowed)
            {
                Overflowed = true;
            }
        }

        /// <summary>Appends one byte.</summary>
        public void Byte(byte b)
        {
            if (Length < _bytes.Length)
            {
                _bytes[Length] = b;
                Length++;
            }
            else
            {
                Overflowed = true;
            }
        }

        /// <summary>Appends <paramref name="text"/> as UTF-8 (the payloads here are ASCII apart from "°", written as two bytes).</summary>
        public void Text(string text)
        {
            for (int i = 0; i < text.Length; i++)
            {
                Char(text[i]);
            }
        }

        /// <summary>Appends one character as UTF-8 (characters up to U+07FF: all this code writes).</summary>
        public void Char(char c)
        {
            if (c < 0x80)
            {
                Byte((byte)c);
            }
            else if (c < 0x800)
            {
                Byte((byte)(0xC0 | (c >> 6)));
                Byte((byte)(0x80 | (c & 0x3F)));
            }
            else
            {
                Byte((byte)'?');
            }
        }

        /// <summary>Appends <paramref name="text"/> as a JSON string: quoted, with quotes, backslashes and control characters escaped or replaced.</summary>
        public void Quoted(string text)
        {
            Byte((byte)'"');
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c == '"' || c == '\\')
                {
                    Byte((byte)'\\');
                    Byte((byte)c);
                }
                else if (c < 0x20 || c == 0x7F)
                {
                    Byte((byte)'?');
                }
                else
                {
                    Char(c);
                }
            }

            Byte((byte)'"');
        }

        /// <summary>Appends <paramref name="value"/> in decimal.</summary>
        public void Number(long value)
        {
            if (value < 0)
            {
                Byte((byte)'-');
                if (value == long.MinValue)
                {
                    Text("9223372036854775808");
                    return;
                }

                value = -value;
            }

            long scale = 1;
            while (value / scale >= 10)
            {
                scale *= 10;
            }

            while (scale > 0)
            {
                Byte((byte)('0' + (int)(value / scale % 10)));
                scale /= 10;
            }
        }

        /// <summary>Appends a value held in tenths as a decimal with one place, e.g. −205 → "-20.5", 7 → "0.7".</summary>
        public void Tenths(int tenths)
        {
            if (tenths < 0)
            {
                Byte((byte)'-');
                tenths = -tenths;
            }

            Number(tenths / 10);
            Byte((byte)'.');
            Byte((byte)('0' + (tenths % 10)));
        }

        /// <summary>True when the payload is exactly the ASCII text <paramref name="text"/>.</summary>
        public bool Is(string text)
        {
            if (text.Length != Length)
            {
                return false;
            }

            for (int i = 0; i < Length; i++)
            {
                if (_bytes[i] != text[i])
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>The payload as text, for messages and tests (allocates: never in the tick).</summary>
        public override string ToString()
        {
            char[] chars = new char[Length];
            for (int i = 0; i < Length; i++)
            {
                byte b = _bytes[i];
                chars[i] = b < 0x80 ? (char)b : '?';
            }

            return new string(chars);
        }
    }
}
