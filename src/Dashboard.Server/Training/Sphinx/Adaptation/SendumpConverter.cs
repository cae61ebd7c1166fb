using System.Buffers.Binary;
using System.Text;

namespace Dashboard.Server.Training.Sphinx.Adaptation;

/// <summary>
/// Rebuilds sphinxtrain's `mixture_weights` from PocketSphinx's `sendump`, the decoder-only copy of the same weights
/// that the Debian en-us model ships instead. sendump stores each weight p as the 8-bit value q = -log_1.0001(p) / 1024
/// (see ptm_mgau.c read_sendump); the inverse p = 1.0001^(-1024 q), renormalized per senone and stream, is written in
/// the sphinxtrain binary format ("s3" header, byte-order magic, dimensions, float32 data). sphinxtrain's bw needs it
/// to collect the statistics for MLLR; the small loss of precision does not matter for that.
/// </summary>
public static class SendumpConverter
{
    private const uint ByteOrderMagic = 0x11223344;

    public static void WriteMixtureWeights(string sendumpPath, string outputPath)
    {
        var data = File.ReadAllBytes(sendumpPath);
        var position = 0;
        int Int32() { var v = BinaryPrimitives.ReadInt32LittleEndian(data.AsSpan(position, 4)); position += 4; return v; }

        var title = Int32();
        position += title;
        var header = Int32();
        position += header;
        var features = 1;
        for (int length; (length = Int32()) != 0; position += length)
        {
            var line = Encoding.ASCII.GetString(data, position, length).TrimEnd('\0');
            if (line.StartsWith("feature_count ", StringComparison.Ordinal)) features = int.Parse(line[14..]);
            if (line.StartsWith("cluster_count ", StringComparison.Ordinal) && int.Parse(line[14..]) != 0)
                throw new InvalidDataException("Clustered (4-bit) sendump files are not supported.");
        }
        var densities = Int32();
        var senones = Int32();
        if (position + (long)features * densities * senones > data.Length) throw new InvalidDataException($"{sendumpPath} is truncated.");

        using var output = new BinaryWriter(File.Create(outputPath));
        output.Write(Encoding.ASCII.GetBytes("s3\nversion 1.0\nendhdr\n"));
        output.Write(ByteOrderMagic);
        foreach (var dimension in new[] { senones, features, densities, senones * features * densities }) output.Write(dimension);
        var scale = 1024 * Math.Log(1.0001);
        var pdf = new double[densities];
        for (var s = 0; s < senones; s++)
        {
            for (var f = 0; f < features; f++)
            {
                for (var c = 0; c < densities; c++) pdf[c] = Math.Exp(-data[position + ((long)f * densities + c) * senones + s] * scale);
                var total = pdf.Sum();
                foreach (var p in pdf) output.Write((float)(p / total));
            }
        }
    }
}
