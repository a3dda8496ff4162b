namespace HeatPump.Control.Hal
{
    /// <summary>
    /// Where the sensor bindings live between power cycles (a small file next to the settings on the
    /// board). Both calls may throw; the board loop treats any exception as "nothing stored" or
    /// "not saved" and carries on.
    /// </summary>
    public interface IBindingStore
    {
        /// <summary>Reads the stored image into <paramref name="buffer"/>; the bytes read, 0 when there is none.</summary>
        int Read(byte[] buffer);

        /// <summary>Replaces the stored image with <paramref name="length"/> bytes of <paramref name="image"/>; false when refused.</summary>
        bool Write(byte[] image, int length);
    }
}
