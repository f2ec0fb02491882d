using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Collaboration.Bot.Protocol.Activities;
using CsCheck;

namespace Collaboration.Bot.Protocol.Tests.Fuzz;

/// <summary>
/// Random and mutated activity bodies: the parser returns an activity or throws <see cref="JsonException"/>, the one
/// failure its endpoint turns into 400, and no input takes long.
/// </summary>
public class ActivityJsonFuzzTests
{
    private static readonly TimeSpan PerInput = TimeSpan.FromSeconds(2);

    private static readonly string[] Seeds = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "TestData", "playground-activities.jsonl"))
        .Where(line => line.Length > 0).ToArray();

    private static readonly string[] JsonPieces =
    [
        "{", "}", "[", "]", ",", ":", "\"", "\\", "\\u0000", "\\ud800", "null", "true", "1e999", "-0", "\"type\"", "\"message\"",
        "\"text\"", "\"from\"", "\"conversation\"", "\"entities\"", "\"attachments\"", "\"value\"", "\"channelData\"", "\"timestamp\"",
        "\"2026-13-45T99:99:99Z\"", "123456789012345678901234567890", "\"\u4e2d\u6587\"", " ", "\n",
    ];

    private static readonly Gen<byte[]> Mutated =
        from seed in Gen.Int[0, Seeds.Length - 1]
        from edits in Gen.Select(Gen.Int[0, 3], Gen.Int[0, 100_000], Gen.Int[0, 40], Gen.Int[0, JsonPieces.Length - 1], Gen.Byte).Array[1, 8]
        select Mutate(Encoding.UTF8.GetBytes(Seeds[seed]), edits);

    private static readonly Gen<byte[]> Random = Gen.OneOf(
        Gen.Byte.Array[0, 2_000],
        Gen.Int[0, JsonPieces.Length - 1].Array[0, 400].Select(pieces => Encoding.UTF8.GetBytes(string.Concat(pieces.Select(p => JsonPieces[p])))),
        Gen.Int[1, 5_000].Select(depth => Encoding.UTF8.GetBytes("{\"value\":" + new string('[', depth) + new string(']', depth) + "}")));

    private static byte[] Mutate(byte[] bytes, (int Kind, int At, int Length, int Piece, byte Value)[] edits)
    {
        var result = bytes.ToList();
        foreach (var (kind, at, length, piece, value) in edits)
        {
            var position = result.Count == 0 ? 0 : at % result.Count;
            switch (kind)
            {
                case 0 when result.Count > 0: result[position] = value; break;
                case 1: result.InsertRange(position, Encoding.UTF8.GetBytes(JsonPieces[piece])); break;
                case 2: result.RemoveRange(position, Math.Min(length, result.Count - position)); break;
                default: result.RemoveRange(position, result.Count - position); break;
            }
        }
        return [.. result];
    }

    private static void ParsesOrRefuses(byte[] body)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            ActivityJson.Parse(body);
        }
        catch (JsonException)
        {
        }
        Assert.True(watch.Elapsed < PerInput, $"Parsing {body.Length} bytes took {watch.Elapsed}.");
    }

    [Fact]
    public void MutatedActivitiesParseOrAreRefusedWithJsonException() => Mutated.Sample(ParsesOrRefuses, iter: 10_000, threads: 1);

    [Fact]
    public void RandomBytesParseOrAreRefusedWithJsonException() => Random.Sample(ParsesOrRefuses, iter: 10_000, threads: 1);
}
