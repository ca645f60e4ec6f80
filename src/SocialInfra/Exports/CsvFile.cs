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
                    csv.WriteField(Defused(cell ?? ""));
                }
                csv.EndRecord();
            }
        }
        return buffer.ToArray();
    }

    /// <summary>
    /// Text that a spreadsheet would run as a formula (=, +, -, @, tab or carriage return first) gets a leading
    /// apostrophe, as OWASP advises, so a name typed by anyone cannot run in an officer's Excel. Numbers are left alone.
    /// </summary>
    public static string Defused(string cell) =>
        cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r'
            && !double.TryParse(cell, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _)
            ? "'" + cell
            : cell;
}
