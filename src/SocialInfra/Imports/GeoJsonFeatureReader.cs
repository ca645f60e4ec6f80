using System.Runtime.CompilerServices;
using System.Text.Json;
using NetTopologySuite.Features;
using NetTopologySuite.IO.Converters;
using SocialInfra.Geography;

namespace SocialInfra.Imports;

/// <summary>One feature of a GeoJSON file, numbered from 1, or why it could not be read.</summary>
public sealed record GeoJsonItem(int Number, IFeature? Feature, string? Error, CoordinateSystem CoordinateSystem);

/// <summary>
/// Reads a GeoJSON FeatureCollection one feature at a time, so that a large file never sits in memory whole:
/// the buffer only ever holds the feature being read. The collection's "crs" member must come before its features.
/// </summary>
public sealed class GeoJsonFeatureReader
{
    private static readonly JsonSerializerOptions FeatureJson = new()
    {
        Converters = { new GeoJsonConverterFactory(SpatialQueries.Factory, false, FeatureIdAttribute) },
    };

    /// <summary>The attribute holding the feature's own "id" member (e.g. "node/123" in an Overpass export).</summary>
    public const string FeatureIdAttribute = "@feature_id";

    private enum Position { Start, Members, Features, Done }

    private Position _position = Position.Start;
    private JsonReaderState _state = new(new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
    private CoordinateSystem _system = CoordinateSystem.Undeclared;
    private string? _type;
    private bool _sawFeatures;
    private int _number;

    public static async IAsyncEnumerable<GeoJsonItem> ReadAsync(Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var reader = new GeoJsonFeatureReader();
        var buffer = new byte[64 * 1024];
        var filled = 0;
        var final = false;
        var found = new List<GeoJsonItem>();
        while (reader._position != Position.Done)
        {
            if (!final)
            {
                var read = await stream.ReadAsync(buffer.AsMemory(filled), cancellationToken);
                final = read == 0;
                filled += read;
            }
            int consumed;
            try
            {
                consumed = reader.Parse(buffer.AsSpan(0, filled), final, found);
            }
            catch (JsonException e)
            {
                throw new ImportFileException("File", $"is not valid GeoJSON: {e.Message}");
            }
            foreach (var item in found)
            {
                yield return item;
            }
            found.Clear();

            if (reader._position == Position.Done)
            {
                break;
            }
            if (final && consumed == 0)
            {
                throw new ImportFileException("File", "ends before its GeoJSON is complete.");
            }
            // Keep the unread rest at the front; a feature larger than the buffer doubles it.
            Buffer.BlockCopy(buffer, consumed, buffer, 0, filled - consumed);
            filled -= consumed;
            if (filled == buffer.Length)
            {
                Array.Resize(ref buffer, buffer.Length * 2);
            }
        }
        if (reader._type is not null && reader._type != "FeatureCollection")
        {
            throw new ImportFileException("File", $"is a GeoJSON {reader._type}, not a FeatureCollection.");
        }
        if (!reader._sawFeatures)
        {
            throw new ImportFileException("File", "has no \"features\" list: it is not a GeoJSON FeatureCollection.");
        }
    }

    private int Parse(ReadOnlySpan<byte> data, bool final, List<GeoJsonItem> found)
    {
        var reader = new Utf8JsonReader(data, final, _state);
        while (_position != Position.Done)
        {
            var safeState = reader.CurrentState;
            var safeConsumed = reader.BytesConsumed;
            if (!ReadOne(ref reader, data, found))
            {
                _state = safeState;
                return (int)safeConsumed;
            }
        }
        _state = reader.CurrentState;
        return (int)reader.BytesConsumed;
    }

    // Reads one unit: the opening brace, a top-level member with its value, one feature, or a closing bracket.
    // False when the data ran out first; the caller then rewinds to before the unit.
    private bool ReadOne(ref Utf8JsonReader reader, ReadOnlySpan<byte> data, List<GeoJsonItem> found)
    {
        if (!reader.Read())
        {
            return false;
        }
        switch (_position)
        {
            case Position.Start:
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    throw new ImportFileException("File", "is not a GeoJSON object.");
                }
                _position = Position.Members;
                return true;

            case Position.Members:
                if (reader.TokenType == JsonTokenType.EndObject)
                {
                    _position = Position.Done;
                    return true;
                }
                var name = reader.GetString();
                if (!reader.Read())
                {
                    return false;
                }
                if (name == "features" && reader.TokenType == JsonTokenType.StartArray)
                {
                    _sawFeatures = true;
                    _position = Position.Features;
                    return true;
                }
                if (name == "type" && reader.TokenType == JsonTokenType.String)
                {
                    _type = reader.GetString();
                    return true;
                }
                if (!TryTakeValue(ref reader, data, out var value))
                {
                    return false;
                }
                if (name == "crs")
                {
                    if (_number > 0)
                    {
                        throw new ImportFileException("File", "declares its coordinate reference system (\"crs\") after its features; move it before them.");
                    }
                    _system = CoordinateSystems.FromCrsMember(value);
                }
                return true;

            case Position.Features:
                if (reader.TokenType == JsonTokenType.EndArray)
                {
                    _position = Position.Members;
                    return true;
                }
                if (!TryTakeValue(ref reader, data, out var json))
                {
                    return false;
                }
                _number++;
                found.Add(ReadFeature(_number, json));
                return true;

            default:
                return true;
        }
    }

    // The whole value starting at the current token, or false when it is not all in the buffer yet.
    private static bool TryTakeValue(ref Utf8JsonReader reader, ReadOnlySpan<byte> data, out ReadOnlySpan<byte> value)
    {
        var start = (int)reader.TokenStartIndex;
        if (reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray))
        {
            value = data[start..(int)reader.BytesConsumed];
            return true;
        }
        var copy = reader;
        if (!copy.TrySkip())
        {
            value = default;
            return false;
        }
        value = data[start..(int)copy.BytesConsumed];
        reader = copy;
        return true;
    }

    private GeoJsonItem ReadFeature(int number, ReadOnlySpan<byte> json)
    {
        try
        {
            var feature = JsonSerializer.Deserialize<IFeature>(json, FeatureJson);
            return feature is null
                ? new GeoJsonItem(number, null, "is null, not a feature.", _system)
                : new GeoJsonItem(number, feature, null, _system);
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException or FormatException)
        {
            return new GeoJsonItem(number, null, $"cannot be read as a GeoJSON feature: {e.Message}", _system);
        }
    }
}
