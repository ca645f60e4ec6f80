using CsvHelper;

namespace SocialInfra.Exports;

/// <summary>Writes a header row and rows of cells as UTF-8 CSV, for the downloads.</summary>
public static class CsvFile
{
    public static byte[] Write(IEnumerable<string> header, IEnumerable<IEnumerable<string?>> rows)
    {
        using var buffer = new MemoryStream();
        using (var csv = CsvWriter.Create(buffer, CsvWriterOptions.Default, leaveOpen: true))
        {
            foreach (var row in rows.Prepend(header))
            {
                foreach (var cell in row)
                {
                    csv.WriteField(cell ?? "");
                }
                csv.EndRecord();
            }
        }
        return buffer.ToArray();
    }
}
