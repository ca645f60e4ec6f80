namespace SocialInfra.Imports;

/// <summary>The record of one import, successful or not, with its report.</summary>
public class ImportRun
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public ImportKind Kind { get; set; }
    public required string FileName { get; set; }
    public required string LocalAuthorityCode { get; set; }
    public required string RunBy { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset FinishedAt { get; set; }
    public bool Succeeded { get; set; }
    public required ImportReport Report { get; set; }
}
