using System.Globalization;
using System.Net;
using System.Text;
using NetTopologySuite.Geometries;

namespace SocialInfra.Web.Pages.Workshops;

/// <summary>
/// A small printable map of wards drawn as SVG on the server, shaded by gap score with the gap map's classes: no script
/// or tiles needed, so it prints. The table beside it carries the same figures in words.
/// </summary>
public static class WardSketch
{
    public static string Draw(string label, IReadOnlyList<(string Name, MultiPolygon Boundary, double? Score)> wards, int width = 320)
    {
        var bounds = new Envelope();
        foreach (var ward in wards)
        {
            bounds.ExpandToInclude(ward.Boundary.EnvelopeInternal);
        }
        if (bounds.IsNull)
        {
            return "";
        }
        // Equirectangular at the middle latitude: true enough in shape for a few wards.
        var stretch = Math.Cos((bounds.MinY + bounds.MaxY) / 2 * Math.PI / 180);
        var scale = width / Math.Max(bounds.Width * stretch, 1e-9);
        var height = (int)Math.Ceiling(bounds.Height * scale);
        string X(double lon) => ((lon - bounds.MinX) * stretch * scale).ToString("0.#", CultureInfo.InvariantCulture);
        string Y(double lat) => ((bounds.MaxY - lat) * scale).ToString("0.#", CultureInfo.InvariantCulture);

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"""<svg xmlns="http://www.w3.org/2000/svg" class="si-sketch" viewBox="-2 -2 {width + 4} {height + 4}" role="img" aria-label="{WebUtility.HtmlEncode(label)}">""");
        foreach (var (name, boundary, score) in wards)
        {
            var path = new StringBuilder();
            foreach (var polygon in boundary.Geometries.Cast<Polygon>())
            {
                foreach (var ring in new[] { polygon.ExteriorRing }.Concat(polygon.InteriorRings))
                {
                    var points = ring.Coordinates;
                    path.Append('M').Append(X(points[0].X)).Append(' ').Append(Y(points[0].Y));
                    for (var i = 1; i < points.Length; i++)
                    {
                        path.Append('L').Append(X(points[i].X)).Append(' ').Append(Y(points[i].Y));
                    }
                    path.Append('Z');
                }
            }
            var fill = score is { } s ? Gaps.IndexModel.Classes.Last(c => s >= c.From || c == Gaps.IndexModel.Classes[0]).Colour : "#ffffff";
            svg.Append(CultureInfo.InvariantCulture, $"""<path d="{path}" fill="{fill}" fill-rule="evenodd" stroke="#0b0c0c" stroke-width="1"><title>{WebUtility.HtmlEncode(name)}: {Gaps.GapFormat.Score(score)}</title></path>""");
        }
        svg.Append("</svg>");
        return svg.ToString();
    }
}
