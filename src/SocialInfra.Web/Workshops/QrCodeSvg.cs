using System.Text;
using QRCoder;

namespace SocialInfra.Web.Workshops;

/// <summary>A QR code as an SVG image, drawn from QRCoder's module matrix: black squares on white, with the text beside it for anyone who cannot scan.</summary>
public static class QrCodeSvg
{
    public static string Draw(string text, string label)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var modules = data.ModuleMatrix;
        var size = modules.Count;
        var path = new StringBuilder();
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                if (modules[y][x])
                {
                    path.Append('M').Append(x).Append(' ').Append(y).Append("h1v1h-1z");
                }
            }
        }
        var encoded = System.Net.WebUtility.HtmlEncode(label);
        return $"""<svg xmlns="http://www.w3.org/2000/svg" class="si-qr" viewBox="0 0 {size} {size}" role="img" aria-label="{encoded}" shape-rendering="crispEdges"><rect width="{size}" height="{size}" fill="#fff"/><path d="{path}" fill="#000"/></svg>""";
    }
}
