using SocialInfra.Cli;
using SocialInfra.Data;

// socialinfra-import KIND FILE [--la CODE] [--la-name NAME] [--year YEAR] [--licence LICENCE]
var connectionString = Environment.GetEnvironmentVariable($"ConnectionStrings__{SocialInfraDatabase.ConnectionStringName}");
return await ImportCommand.RunAsync(args, connectionString, Console.Out, Console.Error);
