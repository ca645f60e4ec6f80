using System.Globalization;
using SocialInfra.Networks;

namespace SocialInfra.Web.Networks;

/// <summary>
/// Where the network graph draws each member and link: members round a circle, grouped by sector and then by kind, so
/// links that cross sectors are the long chords. Drawn on the server as SVG, so it prints and needs no script.
/// </summary>
public sealed record NetworkDiagram(IReadOnlyList<DiagramNode> Nodes, IReadOnlyList<DiagramLink> Links)
{
    public const int Width = 880;
    public const int Height = 600;
    private const double Radius = 210;
    private const int LabelLength = 26;

    public static NetworkDiagram Of(NetworkFigures figures)
    {
        var ordered = figures.Members.OrderBy(m => m.Sector).ThenBy(m => m.Subject.Kind).ThenBy(m => m.Name).ToList();
        var nodes = new List<DiagramNode>();
        for (var i = 0; i < ordered.Count; i++)
        {
            var member = ordered[i];
            // Start at the top and go clockwise; a lone member sits in the middle.
            var angle = -Math.PI / 2 + 2 * Math.PI * i / ordered.Count;
            var (x, y) = ordered.Count == 1 ? (Width / 2.0, Height / 2.0) : (Width / 2.0 + Radius * Math.Cos(angle), Height / 2.0 + Radius * Math.Sin(angle));
            var (labelX, labelY) = ordered.Count == 1 ? (x, y + 34) : (Width / 2.0 + (Radius + 24) * Math.Cos(angle), Height / 2.0 + (Radius + 24) * Math.Sin(angle));
            var anchor = ordered.Count == 1 || Math.Abs(Math.Cos(angle)) < 0.2 ? "middle" : Math.Cos(angle) > 0 ? "start" : "end";
            var label = member.Name.Length <= LabelLength ? member.Name : member.Name[..(LabelLength - 1)].TrimEnd() + "…";
            nodes.Add(new DiagramNode(member, x, y, 7 + 2 * Math.Min(member.Degree, 6), labelX, labelY + 5, anchor, label));
        }
        var at = nodes.ToDictionary(n => n.Member.Subject);
        var links = figures.Relationships
            .GroupBy(r => (First: Min(r.From.Subject, r.To.Subject), Second: Max(r.From.Subject, r.To.Subject)))
            .Select(g => new DiagramLink(at[g.Key.First], at[g.Key.Second], g.Select(r => r.Kind).Distinct().Order().ToList()))
            .ToList();
        return new NetworkDiagram(nodes, links);

        static MemberRef Min(MemberRef a, MemberRef b) => a.Id.CompareTo(b.Id) <= 0 ? a : b;
        static MemberRef Max(MemberRef a, MemberRef b) => a.Id.CompareTo(b.Id) <= 0 ? b : a;
    }

    /// <summary>A number as SVG reads it: one decimal place, invariant culture.</summary>
    public static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>The CSS class that colours a sector (colour is never the only cue: the key and tables say the same).</summary>
    public static string SectorClass(Sector sector) => $"si-sector--{sector.ToString().ToLowerInvariant()}";
}

/// <summary>A member on the diagram: its centre, size and label.</summary>
public sealed record DiagramNode(MemberFigure Member, double X, double Y, double Size, double LabelX, double LabelY, string Anchor, string Label);

/// <summary>One line per linked pair, naming every kind of relationship between them.</summary>
public sealed record DiagramLink(DiagramNode From, DiagramNode To, IReadOnlyList<RelationshipKind> Kinds)
{
    public string Title => $"{From.Member.Name} and {To.Member.Name}: {string.Join(", ", Kinds.Select(k => EnumText.Lower(k)))}";
}
