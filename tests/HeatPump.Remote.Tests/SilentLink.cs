using System.Net;
using System.Net.Sockets;

namespace HeatPump.Remote.Tests;

/// <summary>
/// A loopback TCP relay in front of the broker that can go silent: it then swallows whatever either
/// side sends and keeps every connection open, new ones included. That is how a broker whose host
/// lost power, or a Wi-Fi that dropped, looks to a client: no reset, no close, no answer.
/// </summary>
internal sealed class SilentLink : IDisposable
{
    private readonly TcpListener _listener = new TcpListener(IPAddress.Loopback, 0);
    private readonly int _brokerPort;
    private readonly CancellationTokenSource _stop = new CancellationTokenSource();
    private readonly List<TcpClient> _open = new List<TcpClient>();
    private volatile bool _silent;

    public SilentLink(int brokerPort)
    {
        _brokerPort = brokerPort;
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _ = Task.Run(AcceptAsync);
    }

    public int Port { get; }

    /// <summary>While true, nothing passes in either direction and nothing is closed.</summary>
    public bool Silent
    {
        get => _silent;
        set => _silent = value;
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            var broker = new TcpClient();
            lock (_open)
            {
                _open.Add(client);
                _open.Add(broker);
            }

            try
            {
                await broker.ConnectAsync(IPAddress.Loopback, _brokerPort, _stop.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                client.Close();
                continue;
            }

            _ = Task.Run(() => RelayAsync(client.GetStream(), broker.GetStream()));
            _ = Task.Run(() => RelayAsync(broker.GetStream(), client.GetStream()));
        }
    }

    private async Task RelayAsync(NetworkStream from, NetworkStream to)
    {
        byte[] buffer = new byte[4096];
        try
        {
            while (true)
            {
                int n = await from.ReadAsync(buffer, _stop.Token).ConfigureAwait(false);
                if (n == 0)
                {
                    // One side closed: pass the close on unless the link is silent, when nothing passes.
                    if (!_silent)
                    {
                        to.Socket.Shutdown(SocketShutdown.Send);
                    }

                    return;
                }

                if (!_silent)
                {
                    await to.WriteAsync(buffer.AsMemory(0, n), _stop.Token).ConfigureAwait(false);
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or IOException or SocketException)
        {
            // The test is over, or a side went away.
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        lock (_open)
        {
            foreach (TcpClient c in _open)
            {
                c.Dispose();
            }
        }

        _stop.Dispose();
    }
}
