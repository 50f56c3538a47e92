using System.CommandLine;
using Corroborate.Cli;

return CorroborateCommand.Run(args, Console.Out, Console.Error);
