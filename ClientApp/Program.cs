using OrleansRegistry.ClientApp.Cli;

return await CliApplication.RunConsoleAsync(args);
