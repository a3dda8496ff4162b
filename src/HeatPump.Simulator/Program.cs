// The simulator's entry point: everything is in Cli/SimulatorCli.
return HeatPump.Simulator.Cli.SimulatorCli.RunOnTerminal(args);
