using SocialInfra.Tests.Imports;
using Xunit.Abstractions;

[assembly: Xunit.TestCollectionOrderer("SocialInfra.Tests.Infrastructure.MeasurementsFirst", "SocialInfra.Tests")]

namespace SocialInfra.Tests.Infrastructure;

/// <summary>
/// Starts the heap measurements before the other collections that run alone: the live-room tests leave sockets and
/// threads winding down for a while afterwards, which a process-wide heap measurement would count.
/// </summary>
public sealed class MeasurementsFirst : Xunit.ITestCollectionOrderer
{
    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections.OrderBy(c => c.DisplayName.Contains(MemoryMeasurements.Name, StringComparison.Ordinal) ? 0 : 1).ThenBy(c => c.UniqueID);
}
