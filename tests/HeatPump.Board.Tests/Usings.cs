global using BoardRig = HeatPump.Simulator.Board.VirtualBoard;
