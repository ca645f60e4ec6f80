namespace SocialInfra.Imports;

/// <summary>What an import did, or why it imported nothing: every problem names the row or feature at fault.</summary>
public sealed class ImportReport
{
    /// <summary>Past this many problems the import stops reading: the file needs fixing anyway.</summary>
    public const int MaxProblems = 100;

    public ImportKind Kind { get; init; }
    public string FileName { get; init; } = "";
    public int Read { get; set; }
    public int Created { get; set; }
    public int Updated { get; set; }
    public int Unchanged { get; set; }
    public int Skipped { get; set; }
    public List<ImportProblem> Problems { get; init; } = [];
    public List<string> Notes { get; init; } = [];

    public bool Succeeded => Problems.Count == 0;

    /// <summary>True once the report holds <see cref="MaxProblems"/> problems.</summary>
    public bool Full => Problems.Count >= MaxProblems;

    public void Problem(string where, string message)
    {
        if (!Full)
        {
            Problems.Add(new ImportProblem(where, message));
        }
    }

    public void Note(string note) => Notes.Add(ImportProblem.Visible(note));

    /// <summary>"Created 3, updated 1, unchanged 12, left out 2."</summary>
    public string Summary() =>
        Succeeded
            ? $"Read {Read}: created {Created}, updated {Updated}, unchanged {Unchanged}, left out {Skipped}."
            : $"Nothing was imported: {Problems.Count}{(Full ? " or more" : "")} problem{(Problems.Count == 1 ? "" : "s")} to fix in the file.";
}

/// <summary>One thing wrong with an import file: where ("Row 7", "Feature 3 (E05000026)") and what.</summary>
public sealed record ImportProblem(string Where, string Message)
{
    // PostgreSQL's text and jsonb cannot hold NUL: a stray one quoted from a file is shown as \0, and the report can be kept.
    public string Where { get; init; } = Visible(Where);
    public string Message { get; init; } = Visible(Message);

    public static string Visible(string text) => text.Replace("\0", "\\0", StringComparison.Ordinal);
}

/// <summary>What the import is for: the kind of file and the local authority it belongs to.</summary>
public sealed record ImportRequest(ImportKind Kind, string LocalAuthorityCode, string FileName)
{
    /// <summary>Needed only when the authority is not loaded yet (its first ward boundaries).</summary>
    public string? LocalAuthorityName { get; init; }

    /// <summary>Boundary year or LSOA vintage when the file's column names do not say it.</summary>
    public int? Year { get; init; }

    /// <summary>Licence of a places CSV without a licence column.</summary>
    public string DefaultLicence { get; init; } = "OGL-UK-3.0";
}

/// <summary>Progress for long imports: how many rows or features have been read.</summary>
public sealed record ImportProgress(int Read);

/// <summary>Stops reading a file that has too many problems to be worth reading on.</summary>
public sealed class ImportAbandonedException() : Exception("The import stopped after too many problems.");

/// <summary>A problem with the file as a whole (not JSON, no such column): reported, and nothing is imported.</summary>
public sealed class ImportFileException(string where, string message) : Exception(message)
{
    public string Where { get; } = where;
}
