using System.Globalization;

namespace SocialInfra.Web.Forms;

/// <summary>The GOV.UK date input: day, month and year boxes, kept as typed so a mistake can be shown and fixed.</summary>
public sealed class DateInput
{
    public string? Day { get; set; }
    public string? Month { get; set; }
    public string? Year { get; set; }

    public static DateInput Of(DateOnly? date) => date is { } d
        ? new DateInput { Day = d.Day.ToString(CultureInfo.InvariantCulture), Month = d.Month.ToString(CultureInfo.InvariantCulture), Year = d.Year.ToString(CultureInfo.InvariantCulture) }
        : new DateInput();

    public bool IsEmpty => string.IsNullOrWhiteSpace(Day) && string.IsNullOrWhiteSpace(Month) && string.IsNullOrWhiteSpace(Year);

    /// <summary>The date, null when all three boxes are empty; adds an error naming <paramref name="label"/> when it is not a real date.</summary>
    public DateOnly? Read(string field, string label, FormErrors errors)
    {
        if (IsEmpty)
        {
            return null;
        }
        if (string.IsNullOrWhiteSpace(Day) || string.IsNullOrWhiteSpace(Month) || string.IsNullOrWhiteSpace(Year))
        {
            var missing = new[] { ("day", Day), ("month", Month), ("year", Year) }.Where(p => string.IsNullOrWhiteSpace(p.Item2)).Select(p => p.Item1);
            errors.Add(field, $"{label} must include a {string.Join(" and ", missing)}");
            return null;
        }
        if (int.TryParse(Day, NumberStyles.None, CultureInfo.InvariantCulture, out var day)
            && int.TryParse(Month, NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            && int.TryParse(Year, NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            && year is >= 1000 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month))
        {
            return new DateOnly(year, month, day);
        }
        errors.Add(field, $"{label} must be a real date, like 27 3 2024");
        return null;
    }
}

/// <summary>The model of the shared GOV.UK date input partial.</summary>
public sealed record DateInputView(string Field, string Legend, string Hint, DateInput Value, FormErrors Errors, string NamePrefix);
