// The simulator's command line is built in the simulator issue; this entry point only keeps the project buildable.
return 0;
