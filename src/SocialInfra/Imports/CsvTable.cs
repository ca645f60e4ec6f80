using CsvHelper;

namespace SocialInfra.Imports;

/// <summary>A CSV file read row by row, with columns found by any of their usual names.</summary>
internal sealed class CsvTable : IDisposable
{
    private readonly CsvReader _csv;

    public CsvTable(Stream stream)
    {
        _csv = CsvReader.Create(stream, CsvReaderOptions.Default with { TrimWhitespace = true }, leaveOpen: true);
        try
        {
            Headers = _csv.Headers.Select(h => h.Trim().TrimStart('\uFEFF')).ToList();
        }
        catch (CsvFormatException e)
        {
            throw new ImportFileException("File", $"cannot be read as CSV: {e.Message}");
        }
        if (Headers.Count == 0)
        {
            throw new ImportFileException("File", "is empty: a CSV file with a header row was expected.");
        }
    }

    public IReadOnlyList<string> Headers { get; }

    /// <summary>"Row 7": the row as a spreadsheet numbers it, the header being row 1.</summary>
    public string Where => $"Row {_csv.RowNumber + 1}";

    public bool Read()
    {
        try
        {
            return _csv.Read();
        }
        catch (CsvFormatException e)
        {
            throw new ImportFileException($"Row {_csv.RowNumber + 2}", $"cannot be read as CSV: {e.Message}");
        }
    }

    /// <summary>The index of the first column named any of <paramref name="names"/> (any case), or -1.</summary>
    public int Find(params string[] names)
    {
        foreach (var name in names)
        {
            var index = Headers.ToList().FindIndex(h => string.Equals(h, name, StringComparison.OrdinalIgnoreCase));
            if (index >= 0)
            {
                return index;
            }
        }
        return -1;
    }

    /// <summary>The index of the first column whose name starts with <paramref name="prefix"/> (any case), or -1.</summary>
    public int FindStartingWith(string prefix) =>
        Headers.ToList().FindIndex(h => h.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));

    /// <summary>Like <see cref="Find"/>, but a missing column stops the import with a message listing what was looked for.</summary>
    public int Require(string what, params string[] names)
    {
        var index = Find(names);
        return index >= 0 ? index : throw Missing(what, string.Join(", ", names.Select(n => $"\"{n}\"")));
    }

    public ImportFileException Missing(string what, string expected) =>
        new("File", $"has no {what} column: expected {expected}. Its columns are {string.Join(", ", Headers.Select(h => $"\"{h}\""))}.");

    /// <summary>The trimmed value in the column, or null when the column is absent or the cell empty.</summary>
    public string? Get(int index)
    {
        if (index < 0 || index >= _csv.FieldCount)
        {
            return null;
        }
        var value = _csv.GetString(index).Trim();
        return value.Length == 0 ? null : value;
    }

    /// <summary>Every cell of the current row (null when empty), to use after the reader has moved on.</summary>
    public string?[] Row() => Enumerable.Range(0, Headers.Count).Select(Get).ToArray();

    public void Dispose() => _csv.Dispose();
}
