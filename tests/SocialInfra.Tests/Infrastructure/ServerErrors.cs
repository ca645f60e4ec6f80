using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace SocialInfra.Tests.Infrastructure;

/// <summary>
/// The exceptions the app logged as errors (an unhandled exception behind a 500, say), so that a test seeing a 500 can
/// say why; the app's page for a 500 tells the visitor nothing of it.
/// </summary>
public sealed class ServerErrors : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _errors = new();

    /// <summary>The newest error logged, or "none logged".</summary>
    public string Latest => _errors.LastOrDefault() ?? "none logged";

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(ServerErrors errors, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                errors._errors.Enqueue($"{category}: {formatter(state, exception)} {exception}");
            }
        }
    }
}
