using EpicEvents.Cli;

return await CliApplication.RunAsync(args, CliEnvironment.FromProcess());
